using Research.Metrics;

namespace Research.Tests.Metrics;

public sealed class HandComputedTests
{
    private const double Eps = 1e-12;

    // Truth T1 (label 1) is the 2x2 top-left square, T2 (label 2) the 2x2 bottom-right square.
    // Prediction P5 covers 3 pixels of T1 (area 3); P7 covers T2 and one extra pixel (3,1) (area 5).
    // IoU(T1,P5) = 3/(4+3-3) = 0.75; IoU(T2,P7) = 4/(4+5-4) = 0.8.
    private static readonly LabelImage Truth = Grids.Parse("1 1 0 0", "1 1 0 0", "0 0 2 2", "0 0 2 2");
    private static readonly LabelImage Prediction = Grids.Parse("5 5 0 0", "5 0 0 7", "0 0 7 7", "0 0 7 7");

    [Fact]
    public void Contingency_table_counts_areas_boxes_and_overlaps()
    {
        var table = Grids.Table(Truth, Prediction);
        Assert.Equal([1, 2], table.Truth.Labels);
        Assert.Equal([5, 7], table.Prediction.Labels);
        Assert.Equal([4L, 4L], table.Truth.Areas);
        Assert.Equal([3L, 5L], table.Prediction.Areas);
        Assert.Equal([new Overlap(0, 0, 3), new Overlap(1, 1, 4)], table.Overlaps);
        Assert.Equal(new BoundingBox(2, 1, 3, 3), table.Prediction.Boxes[1]);
        Assert.Equal(0.75, table.Iou(table.Overlaps[0]), Eps);
        Assert.Equal(0.8, table.Iou(table.Overlaps[1]), Eps);
    }

    [Fact]
    public void Pixel_scores()
    {
        // TP = 3 + 4 = 7, FP = 8 - 7 = 1, FN = 8 - 7 = 1: iou 7/9, dice 14/16, precision 7/8, recall 7/8.
        var p = Grids.Measure(Truth, Prediction).Pixel;
        Assert.Equal(new PixelCounts(7, 1, 1), p);
        Assert.Equal(7.0 / 9, p.Iou, Eps);
        Assert.Equal(14.0 / 16, p.Dice, Eps);
        Assert.Equal(7.0 / 8, p.Precision, Eps);
        Assert.Equal(7.0 / 8, p.Recall, Eps);
    }

    [Fact]
    public void Dsb2018_score_uses_strict_thresholds()
    {
        // t = 0.50..0.70 (5 thresholds): both pairs hit, score 1. t = 0.75: only 0.8 > 0.75: TP 1, FP 1, FN 1 -> 1/3.
        // t = 0.80 (0.8 > 0.8 is false) .. 0.95: TP 0 -> 0. Image score = (5 + 1/3) / 10 = 16/30.
        var m = Grids.Measure(Truth, Prediction);
        Assert.Equal([1, 1, 1, 1, 1, 1.0 / 3, 0, 0, 0, 0], m.Dsb2018PerThreshold, (a, b) => Math.Abs(a - b) < Eps);
        Assert.Equal(16.0 / 30, m.Dsb2018, Eps);
    }

    [Fact]
    public void Matching_at_half_and_three_quarters()
    {
        var m = Grids.Measure(Truth, Prediction);
        // tau 0.5: TP 2, FP 0, FN 0; mean matched IoU (0.75 + 0.8)/2 = 0.775; pq = 1.55 / (2 + 0 + 0) = 0.775.
        var half = m.Matching[0];
        Assert.Equal((2L, 0L, 0L), (half.TruePositives, half.FalsePositives, half.FalseNegatives));
        Assert.Equal(0.775, half.MeanMatchedIou, Eps);
        Assert.Equal(0.775, half.PanopticQuality, Eps);
        Assert.Equal(1.0, half.F1, Eps);
        // tau 0.75: only IoU 0.8 > 0.75: TP 1, FP 1, FN 1; precision = recall = 1/2; f1 = 2/(2+1+1) = 0.5;
        // mean matched IoU 0.8; pq = 0.8 / (1 + 0.5 + 0.5) = 0.4.
        var strict = m.Matching[1];
        Assert.Equal((1L, 1L, 1L), (strict.TruePositives, strict.FalsePositives, strict.FalseNegatives));
        Assert.Equal(0.5, strict.Precision, Eps);
        Assert.Equal(0.5, strict.Recall, Eps);
        Assert.Equal(0.5, strict.F1, Eps);
        Assert.Equal(0.8, strict.MeanMatchedIou, Eps);
        Assert.Equal(0.4, strict.PanopticQuality, Eps);
    }

    [Fact]
    public void Greedy_matching_below_one_half_takes_the_highest_iou_first()
    {
        // Truth T1 = 4 px, T2 = 2 px; one prediction P3 (6 px) covers both. IoU(T1,P3) = 4/6, IoU(T2,P3) = 2/6.
        // tau 0.3: both pairs are candidates; greedy takes T1-P3 (higher IoU), then T2 finds P3 used: TP 1, FP 0, FN 1.
        var truth = Grids.Parse("1 1 1 1 2 2");
        var prediction = Grids.Parse("3 3 3 3 3 3");
        var counts = InstanceMatching.Count(Grids.Table(truth, prediction), 0.3);
        Assert.Equal(new MatchCounts(1, 0, 1, 4.0 / 6), counts);
    }

    [Fact]
    public void Ctc_merge_counts_one_split_error_and_an_extra()
    {
        // T1 = 4 px, T2 = 2 px; P3 (6 px) holds all of T1 (4 > 0.5*4) and all of T2 (2 > 0.5*2): it matches both,
        // NS = 2 - 1 = 1. P4 (2 px) matches nothing: FP = 1. FN = 0. AOGM-D = 5*1 + 10*0 + 1 = 6; N = 2;
        // DET = 1 - 6/20 = 0.7. SEG = (IoU(T1,P3) + IoU(T2,P3)) / 2 = (4/6 + 2/6) / 2 = 0.5.
        var ctc = CtcCounts.Of(Grids.Table(Grids.Parse("1 1 1 1 2 2 0 0"), Grids.Parse("3 3 3 3 3 3 4 4")));
        Assert.Equal((1L, 0L, 1L), (ctc.Splits, ctc.Misses, ctc.Extras));
        Assert.Equal(6, ctc.Aogm);
        Assert.Equal(0.7, ctc.Det, Eps);
        Assert.Equal(0.5, ctc.Seg, Eps);
    }

    [Fact]
    public void Ctc_split_in_halves_is_a_miss_because_overlap_must_exceed_half()
    {
        // T1 = 6 px; P2 and P3 hold 3 px each: 3 > 0.5*6 is false, so T1 is unmatched (FN 1) and both predictions
        // are extras (FP 2). AOGM-D = 10 + 2 = 12; DET = 1 - min(12, 10)/10 = 0. SEG = 0.
        var ctc = CtcCounts.Of(Grids.Table(Grids.Parse("1 1 1 1 1 1"), Grids.Parse("2 2 2 3 3 3")));
        Assert.Equal((0L, 1L, 2L), (ctc.Splits, ctc.Misses, ctc.Extras));
        Assert.Equal(0.0, ctc.Det, Eps);
        Assert.Equal(0.0, ctc.Seg, Eps);
    }

    [Fact]
    public void Counting_errors()
    {
        // (n_true, n_pred): (2,3) (4,1) (0,1) (5,5). |errors| 1,3,1,0: mae 5/4; sorted 0,1,1,3: medae (1+1)/2 = 1.
        // mpe over n_true > 0: (1/2, -3/4, 0/5), mean -1/12, x100 = -8.333...
        var c = CountingMetrics.Of([(2, 3), (4, 1), (0, 1), (5, 5)]);
        Assert.Equal(1.25, c.Mae, Eps);
        Assert.Equal(1.0, c.Medae, Eps);
        Assert.Equal(-100.0 / 12, c.Mpe, 1e-10);
        Assert.Equal(new CountingMetrics(0, 0, 0), CountingMetrics.Of([(0, 0)]));
    }

    [Fact]
    public void Centroid_detection_takes_the_nearest_free_truth_in_prediction_label_order()
    {
        // 1 row, 100 px. Truth T1 at x 0..1 (centre 0.5), T2 at x 60..61 (centre 60.5).
        // P1 (label 1) at x 52..53 (centre 52.5): T1 is 52 px away (not < 50), T2 8 px: P1 takes T2.
        // P2 (label 2) at x 60..61: T2 is taken, T1 is 60 px away: P2 is a false positive. TP 1, FP 1, FN 1.
        var truth = new int[100];
        var prediction = new int[100];
        truth[0] = truth[1] = 1;
        truth[60] = truth[61] = 2;
        prediction[52] = prediction[53] = 1;
        prediction[60] = prediction[61] = 2;
        var table = Grids.Table(new LabelImage(100, 1, truth), new LabelImage(100, 1, prediction));
        Assert.Equal(new MatchCounts(1, 1, 1, 0), CentroidDetection.Count(table));
        // With radius 60 (> 52), P1 still takes its nearest (T2) and P2 finds T1 at 60 (not < 60): unchanged.
        Assert.Equal(new MatchCounts(1, 1, 1, 0), CentroidDetection.Count(table, 60));
        // With radius 61, P2 takes T1 at distance 60: TP 2.
        Assert.Equal(new MatchCounts(2, 0, 0, 0), CentroidDetection.Count(table, 61));
    }

    [Fact]
    public void Boundary_metrics_of_single_pixels()
    {
        // 5x5; truth pixels (0,0) and (4,0); prediction pixel (0,0). Every foreground pixel is its own contour.
        // truth->prediction distances: 0 and 4; P95 = 0 + 0.95*(4-0) = 3.8. prediction->truth: 0. hd95 = 3.8.
        // nsd at 2 px: truth (0,0) within, (4,0) not; prediction (0,0) within: 2/3.
        var truth = Grids.Parse("1 0 0 0 2", "0 0 0 0 0", "0 0 0 0 0", "0 0 0 0 0", "0 0 0 0 0");
        var prediction = Grids.Parse("9 0 0 0 0", "0 0 0 0 0", "0 0 0 0 0", "0 0 0 0 0", "0 0 0 0 0");
        var (hd95, nsd) = BoundaryMetrics.Of(truth, prediction, 2);
        Assert.Equal(3.8, hd95, Eps);
        Assert.Equal(2.0 / 3, nsd, Eps);
        // At tolerance 4 every contour pixel is within: nsd 1.
        Assert.Equal(1.0, BoundaryMetrics.Of(truth, prediction, 4).Nsd, Eps);
    }

    [Fact]
    public void Boundary_contour_is_the_inner_four_connected_edge()
    {
        // A 3x3 square inside a 5x5 image: its contour is the 8 pixels around its centre.
        var square = Grids.Parse("0 0 0 0 0", "0 1 1 1 0", "0 1 1 1 0", "0 1 1 1 0", "0 0 0 0 0");
        var contour = BoundaryMetrics.Contour(square.Data, 5, 5, out int count);
        Assert.Equal(8, count);
        Assert.False(contour[12]);
        // Shifted right by one: truth contour pixels (2,1) (3,1) (2,3) (3,3) lie on the prediction's contour (distance 0);
        // (1,1) (1,2) (1,3) and (3,2) (the prediction's interior) are 1 px from it. Symmetrically 4 of 8 the other way.
        // nsd at 0 px = 8/16; P95 of four 0s and four 1s (rank 0.95*7 = 6.65) = 1.
        var shifted = Grids.Parse("0 0 0 0 0", "0 0 1 1 1", "0 0 1 1 1", "0 0 1 1 1", "0 0 0 0 0");
        Assert.Equal(0.5, BoundaryMetrics.Of(square, shifted, 0).Nsd, Eps);
        Assert.Equal(1.0, BoundaryMetrics.Of(square, shifted, 0).Hd95, Eps);
    }
}
