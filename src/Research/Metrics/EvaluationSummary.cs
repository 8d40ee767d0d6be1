namespace Research.Metrics;

/// <summary>
/// The dataset-level result, serialised as summary.json with exactly the keys <c>images</c>, <c>pixel</c>,
/// <c>pixel_macro</c>, <c>dsb2018_score</c>, <c>matching</c>, <c>ctc</c>, <c>counting</c>, <c>centroid</c>,
/// <c>boundary</c>, <c>pixel_smoothed</c>, and <c>prediction_resize</c> when predictions were resized. Reductions: pixel, matching, ctc and centroid pool counts over images (micro); pixel_macro,
/// dsb2018_score and boundary average per-image scores (macro); counting works on per-image counts.
/// </summary>
/// <param name="Images">Number of images.</param>
/// <param name="Pixel">Micro pixel scores.</param>
/// <param name="PixelMacro">Mean over images of per-image pixel scores (empty-empty image = 1).</param>
/// <param name="Dsb2018Score">Mean over images of the DSB2018 image score.</param>
/// <param name="Matching">Pooled matching scores per threshold key ("0.5", "0.75").</param>
/// <param name="Ctc">Cell Tracking Challenge SEG and DET, pooled.</param>
/// <param name="Counting">Counting errors.</param>
/// <param name="Centroid">Pooled centroid detection.</param>
/// <param name="Boundary">Mean over images of hd95 and nsd (0 when not computed; see <see cref="BoundaryComputed"/>).</param>
public sealed record EvaluationSummary(
    int Images, PixelSummary Pixel, PixelMacroSummary PixelMacro, double Dsb2018Score,
    IReadOnlyDictionary<string, MatchingSummary> Matching, CtcSummary Ctc, CountingMetrics Counting,
    DetectionSummary Centroid, BoundarySummary Boundary)
{
    /// <summary>Whether the boundary metrics were computed (not serialised).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool BoundaryComputed { get; init; } = true;

    /// <summary>The smoothed pixel scores (smooth = 1), pooled and per-image mean.</summary>
    public PixelSmoothedSummary PixelSmoothed { get; init; } = new(1, 0, 0, 0, 0);

    /// <summary>Whether and how many predictions were resized to their truth's size; null (not written) when resizing was off.</summary>
    public Evaluation.PredictionResizeSummary? PredictionResize { get; init; }

    /// <summary>Summarises per-image results with the thresholds of <paramref name="options"/>.</summary>
    public static EvaluationSummary Of(IReadOnlyList<ImageMetrics> images, EvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(options);
        var pixel = images.Aggregate(default(PixelCounts), (s, m) => s + m.Pixel);
        var matching = new Dictionary<string, MatchingSummary>(StringComparer.Ordinal);
        for (int k = 0; k < options.Taus.Count; k++)
        {
            var pooled = images.Aggregate(default(MatchCounts), (s, m) => s + m.Matching[k]);
            matching[EvaluationOptions.TauKey(options.Taus[k])] = MatchingSummary.Of(pooled);
        }
        var ctc = images.Aggregate(default(CtcCounts), (s, m) => s + m.Ctc);
        var centroid = images.Aggregate(default(MatchCounts), (s, m) => s + m.Centroid);
        bool boundary = images.Count > 0 && images.All(m => m.Hd95.HasValue);
        return new EvaluationSummary(
            images.Count,
            new PixelSummary(pixel.Iou, pixel.Dice, pixel.Precision, pixel.Recall),
            new PixelMacroSummary(Mean(images, m => m.Pixel.Iou), Mean(images, m => m.Pixel.Dice)),
            Mean(images, m => m.Dsb2018),
            matching,
            new CtcSummary(ctc.Seg, ctc.Det),
            CountingMetrics.Of([.. images.Select(m => (m.TrueObjects, m.PredictedObjects))]),
            new DetectionSummary(centroid.TruePositives, centroid.FalsePositives, centroid.FalseNegatives, centroid.Precision, centroid.Recall, centroid.F1),
            boundary ? new BoundarySummary(Mean(images, m => m.Hd95!.Value), Mean(images, m => m.Nsd!.Value)) : new BoundarySummary(0, 0))
        {
            BoundaryComputed = boundary,
            PixelSmoothed = new PixelSmoothedSummary(PixelSmoothedSummary.DefaultSmooth, pixel.SmoothedIou(), pixel.SmoothedDice(),
                Mean(images, m => m.Pixel.SmoothedIou()), Mean(images, m => m.Pixel.SmoothedDice())),
        };
    }

    private static double Mean(IReadOnlyList<ImageMetrics> images, Func<ImageMetrics, double> value) =>
        images.Count == 0 ? 0 : images.Average(value);
}

/// <summary>Micro (pooled) pixel scores.</summary>
/// <param name="Iou">TP/(TP+FP+FN).</param>
/// <param name="Dice">2TP/(2TP+FP+FN).</param>
/// <param name="Precision">TP/(TP+FP).</param>
/// <param name="Recall">TP/(TP+FN).</param>
public sealed record PixelSummary(double Iou, double Dice, double Precision, double Recall);

/// <summary>
/// Pixel scores with the smoothing term of Keras-style code (the BH2019 project's metrics): IoU = (TP + s) / (TP + FP +
/// FN + s), Dice = (2 TP + s) / (2 TP + FP + FN + s), pooled over all pixels and as the mean of per-image values.
/// </summary>
/// <param name="Smooth">The smoothing term s.</param>
/// <param name="Iou">Smoothed IoU of the pooled counts.</param>
/// <param name="Dice">Smoothed Dice of the pooled counts.</param>
/// <param name="IouMean">Mean of per-image smoothed IoU.</param>
/// <param name="DiceMean">Mean of per-image smoothed Dice.</param>
public sealed record PixelSmoothedSummary(double Smooth, double Iou, double Dice, double IouMean, double DiceMean)
{
    /// <summary>The smoothing term used: 1.</summary>
    public const double DefaultSmooth = 1;
}

/// <summary>Macro (per-image mean) pixel scores.</summary>
/// <param name="Iou">Mean per-image IoU.</param>
/// <param name="Dice">Mean per-image Dice.</param>
public sealed record PixelMacroSummary(double Iou, double Dice);

/// <summary>Pooled one-to-one matching at one threshold.</summary>
/// <param name="Tp">Matched pairs.</param>
/// <param name="Fp">Unmatched predictions.</param>
/// <param name="Fn">Unmatched true objects.</param>
/// <param name="Precision">TP/(TP+FP).</param>
/// <param name="Recall">TP/(TP+FN).</param>
/// <param name="F1">2TP/(2TP+FP+FN).</param>
/// <param name="MeanMatchedIou">Mean IoU of matched pairs.</param>
/// <param name="Pq">Sum of matched IoU / (TP + FP/2 + FN/2).</param>
public sealed record MatchingSummary(long Tp, long Fp, long Fn, double Precision, double Recall, double F1, double MeanMatchedIou, double Pq)
{
    /// <summary>The scores of pooled counts.</summary>
    public static MatchingSummary Of(MatchCounts c) => new(c.TruePositives, c.FalsePositives, c.FalseNegatives,
        c.Precision, c.Recall, c.F1, c.MeanMatchedIou, c.PanopticQuality);
}

/// <summary>Cell Tracking Challenge scores.</summary>
/// <param name="Seg">SEG.</param>
/// <param name="Det">DET.</param>
public sealed record CtcSummary(double Seg, double Det);

/// <summary>Pooled detection counts and scores.</summary>
/// <param name="Tp">Detected true objects.</param>
/// <param name="Fp">Predictions that found no true object.</param>
/// <param name="Fn">True objects not found.</param>
/// <param name="Precision">TP/(TP+FP).</param>
/// <param name="Recall">TP/(TP+FN).</param>
/// <param name="F1">2TP/(2TP+FP+FN).</param>
public sealed record DetectionSummary(long Tp, long Fp, long Fn, double Precision, double Recall, double F1);

/// <summary>Mean per-image boundary metrics.</summary>
/// <param name="Hd95">Mean 95th-percentile Hausdorff distance, px.</param>
/// <param name="Nsd">Mean normalised surface Dice.</param>
public sealed record BoundarySummary(double Hd95, double Nsd);
