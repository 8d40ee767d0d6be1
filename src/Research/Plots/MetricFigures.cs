using Research.Metrics;
using CChart = Plotly.NET.CSharp.Chart;

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
        var chart = CChart.Line<double, double, string>(x: t, y: mean, Name: "DSB2018 score_t (mean over images)", ShowMarkers: true);
        return Figure.From(chart, "Score versus IoU threshold", "IoU threshold t (match when IoU > t)", "score", (0, 1.02));
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
        var chart = CChart.Combine(series.Select(s =>
            CChart.BoxPlot<string, double, string>(Y: s.Values.ToArray(), Name: s.Name, BoxPoints: Plotly.NET.StyleParam.BoxPoints.All, Jitter: 0.4)));
        return Figure.From(chart, "Per-image score distributions", "metric", "per-image score", (0, 1.02));
    }

    /// <summary>Predicted versus true object counts per image, with the identity line.</summary>
    public static Figure Counts(IReadOnlyList<ImageMetrics> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        int max = Math.Max(1, images.Count == 0 ? 1 : images.Max(m => Math.Max(m.TrueObjects, m.PredictedObjects)));
        var points = CChart.Point<int, int, string>(
            x: images.Select(m => m.TrueObjects).ToArray(), y: images.Select(m => m.PredictedObjects).ToArray(),
            Name: "images", MultiText: images.Select(m => m.Id).ToArray());
        var identity = CChart.Line<int, int, string>(x: [0, max], y: [0, max], Name: "n_pred = n_true");
        return Figure.From(CChart.Combine([points, identity]), "Predicted versus true counts", "true objects per image", "predicted objects per image");
    }
}
