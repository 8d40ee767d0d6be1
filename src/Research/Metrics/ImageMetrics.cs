namespace Research.Metrics;

/// <summary>
/// Everything measured on one image: the counts that pool into the dataset summary and the per-image scores.
/// Built by <see cref="Of(ContingencyTable, EvaluationOptions, ValueTuple{double, double}?, bool)"/> from the image's <see cref="ContingencyTable"/>.
/// </summary>
/// <param name="Id">The image's identifier.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="TrueObjects">n_true.</param>
/// <param name="PredictedObjects">n_pred.</param>
/// <param name="Pixel">Foreground pixel counts.</param>
/// <param name="Dsb2018PerThreshold">score_t for t = 0.50, 0.55, ..., 0.95.</param>
/// <param name="Matching">Match counts per threshold, in the order of <see cref="EvaluationOptions.Taus"/>.</param>
/// <param name="Ctc">SEG and DET counts.</param>
/// <param name="Centroid">Centroid detection counts.</param>
/// <param name="Hd95">95th-percentile Hausdorff distance of the foregrounds, or null when not computed.</param>
/// <param name="Nsd">Normalised surface Dice of the foregrounds, or null when not computed.</param>
/// <param name="MissingPrediction">True when no prediction existed and an empty one was used.</param>
public sealed record ImageMetrics(
    string Id, int Width, int Height, int TrueObjects, int PredictedObjects, PixelCounts Pixel,
    double[] Dsb2018PerThreshold, MatchCounts[] Matching, CtcCounts Ctc, MatchCounts Centroid,
    double? Hd95, double? Nsd, bool MissingPrediction)
{
    /// <summary>The image's DSB2018 score: the mean of <see cref="Dsb2018PerThreshold"/>.</summary>
    public double Dsb2018 => Dsb2018PerThreshold.Average();

    /// <summary>Measures one pair. Boundary metrics need the label images and are computed when options ask.</summary>
    public static ImageMetrics Of(LabelPair pair, EvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(pair);
        ArgumentNullException.ThrowIfNull(options);
        var (truth, prediction) = (pair.Truth, pair.Prediction);
        if (options.BinaryComponents is { } connectivity)
        {
            truth = truth.ToComponents(connectivity);
            prediction = prediction.ToComponents(connectivity);
        }
        var table = ContingencyBuilder.Build(pair.Id, truth, prediction);
        (double, double)? boundary = options.Boundary ? BoundaryMetrics.Of(truth, prediction, options.BoundaryTolerance) : null;
        return Of(table, options, boundary, pair.MissingPrediction);
    }

    /// <summary>Measures one image from its counts (and its boundary metrics when known).</summary>
    public static ImageMetrics Of(ContingencyTable table, EvaluationOptions options, (double Hd95, double Nsd)? boundary = null, bool missing = false)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        return new ImageMetrics(table.Id, table.Width, table.Height, table.Truth.Count, table.Prediction.Count,
            PixelCounts.Of(table), Dsb2018Score.PerThreshold(table),
            [.. options.Taus.Select(tau => InstanceMatching.Count(table, tau))],
            CtcCounts.Of(table), CentroidDetection.Count(table, options.CentroidRadius),
            boundary?.Hd95, boundary?.Nsd, missing);
    }
}
