using Research.Metrics;

namespace Research.Tests.Metrics;

public sealed class EmptyCaseTests
{
    private static readonly LabelImage Empty = Grids.Parse("0 0 0", "0 0 0");
    private static readonly LabelImage One = Grids.Parse("0 4 4", "0 4 0");

    [Fact]
    public void Empty_truth_and_empty_prediction_score_one()
    {
        var m = Grids.Measure(Empty, Empty);
        Assert.Equal(1.0, m.Pixel.Iou);
        Assert.Equal(1.0, m.Pixel.Dice);
        Assert.Equal(1.0, m.Dsb2018);
        Assert.Equal(new MatchCounts(0, 0, 0, 0), m.Matching[0]);
        Assert.Equal(1.0, m.Matching[0].F1);
        Assert.Equal(1.0, m.Matching[0].PanopticQuality);
        Assert.Equal(1.0, m.Ctc.Seg);
        Assert.Equal(1.0, m.Ctc.Det);
        Assert.Equal(0.0, m.Hd95);
        Assert.Equal(1.0, m.Nsd);
        var summary = EvaluationSummary.Of([m], new EvaluationOptions());
        Assert.Equal(1.0, summary.PixelMacro.Iou);
        Assert.Equal(1.0, summary.Pixel.Precision);
        Assert.Equal(1.0, summary.Centroid.F1);
        Assert.Equal(0.0, summary.Counting.Mpe); // no image with true objects
    }

    [Fact]
    public void Objects_on_one_side_only_score_zero()
    {
        foreach (var (truth, prediction) in new[] { (Empty, One), (One, Empty) })
        {
            var m = Grids.Measure(truth, prediction);
            Assert.Equal(0.0, m.Pixel.Iou);
            Assert.Equal(0.0, m.Pixel.Precision);
            Assert.Equal(0.0, m.Pixel.Recall);
            Assert.Equal(0.0, m.Dsb2018);
            Assert.Equal(0.0, m.Matching[0].F1);
            Assert.Equal(0.0, m.Matching[0].PanopticQuality);
            Assert.Equal(0.0, m.Matching[0].MeanMatchedIou);
            Assert.Equal(0.0, m.Ctc.Seg);
            Assert.Equal(0.0, m.Ctc.Det);
            Assert.Equal(0.0, m.Nsd);
            Assert.Equal(Math.Sqrt(2 * 2 + 1 * 1), m.Hd95!.Value, 1e-12); // diagonal of a 3x2 image
        }
    }

    [Fact]
    public void An_empty_image_pooled_with_others_adds_no_counts_but_counts_in_macro_means()
    {
        // Image A: perfect single object (pixel iou 1). Image B: empty-empty (iou 1). Image C: truth only (iou 0).
        // macro iou = (1 + 1 + 0)/3; micro: TP 3, FN 3 (image C) -> 3/6.
        var a = Grids.Measure(One, One);
        var b = Grids.Measure(Empty, Empty);
        var c = Grids.Measure(One, Empty);
        var s = EvaluationSummary.Of([a, b, c], new EvaluationOptions());
        Assert.Equal(2.0 / 3, s.PixelMacro.Iou, 1e-12);
        Assert.Equal(0.5, s.Pixel.Iou, 1e-12);
        Assert.Equal(2.0 / 3, s.Dsb2018Score, 1e-12);
        Assert.Equal((1L, 0L, 1L), (s.Matching["0.5"].Tp, s.Matching["0.5"].Fp, s.Matching["0.5"].Fn));
    }
}
