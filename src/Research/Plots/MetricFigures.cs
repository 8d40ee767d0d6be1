using Research.Metrics;

namespace Research.Plots;

/// <summary>The evaluation figures: score versus IoU threshold, per-image score distributions, counts.</summary>
public static class MetricFigures
{
    /// <summary>
    /// Mean over images of the DSB2018 score_t = TP/(TP+FP+FN) at each threshold t = 0.50 ... 0.95, and the pooled
    /// F1 and precision at each t (one-to-one matching with IoU &gt; t).
    /// </summary>
    public static Figure ScoreVersusThreshold(IReadOnlyList<ImageMetrics> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        var t = Dsb2018Score.Thresholds.ToArray();
        var mean = t.Select((_, k) => images.Count == 0 ? 0 : images.Average(m => m.Dsb2018PerThreshold[k])).ToArray();
        var layout = new FigureLayout("Score versus IoU threshold", new Axis("IoU threshold t (match when IoU > t)"), new Axis("score") { Range = (0, 1.02) });
        return Figure.Create(layout, new ScatterTrace(t, mean, "DSB2018 score_t (mean over images)") { Mode = ScatterMode.LinesAndMarkers });
    }

    /// <summary>Box plots of per-image scores: DSB2018, pixel IoU and Dice, F1 at the first matching threshold, CTC SEG.</summary>
    public static Figure PerImageDistributions(IReadOnlyList<ImageMetrics> images, EvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(options);
        string tau = EvaluationOptions.TauKey(options.Taus[0]);
        var series = new (string Name, IEnumerable<double> Values)[]
        {
            ("DSB2018", images.Select(m => m.Dsb2018)),
            ("pixel IoU", images.Select(m => m.Pixel.Iou)),
            ("pixel Dice", images.Select(m => m.Pixel.Dice)),
            ($"F1 @ {tau}", images.Select(m => m.Matching[0].F1)),
            ("CTC SEG", images.Select(m => m.Ctc.Seg)),
        };
        var layout = new FigureLayout("Per-image score distributions", new Axis("metric"), new Axis("per-image score") { Range = (0, 1.02) });
        return Figure.Create(layout, series.Select(s => new BoxTrace([.. s.Values], s.Name) { Points = BoxPoints.All, Jitter = 0.4 }));
    }

    /// <summary>Predicted versus true object counts per image, with the identity line.</summary>
    public static Figure Counts(IReadOnlyList<ImageMetrics> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        int max = Math.Max(1, images.Count == 0 ? 1 : images.Max(m => Math.Max(m.TrueObjects, m.PredictedObjects)));
        var points = new ScatterTrace([.. images.Select(m => (double)m.TrueObjects)], [.. images.Select(m => (double)m.PredictedObjects)], "images")
        {
            Mode = ScatterMode.Markers,
            Text = [.. images.Select(m => m.Id)],
        };
        var identity = new ScatterTrace([0, max], [0, max], "n_pred = n_true");
        return Figure.Create("Predicted versus true counts", "true objects per image", "predicted objects per image", points, identity);
    }
}
