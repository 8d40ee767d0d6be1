namespace Research.Metrics.Evaluation;

/// <summary>What evaluation does with a prediction whose size differs from its true image.</summary>
public enum PredictionResize
{
    /// <summary>Refuse it: the pair is an error naming both files.</summary>
    None,

    /// <summary>
    /// Resize the prediction to the truth's size by nearest neighbour at pixel centres
    /// (<see cref="Processing.ResizeInterpolation.NearestExact"/>: PIL, scikit-image order 0, OpenCV INTER_NEAREST_EXACT),
    /// so no new label value appears. Used for predictions made at another resolution (the BH2019 published
    /// predictions are 1000x1000 for truths of 1002 to 1024 px).
    /// </summary>
    Nearest,
}

/// <summary>How many predictions evaluation resized, written to summary.json as <c>prediction_resize</c>.</summary>
/// <param name="Method">The resize method (<c>nearest</c>).</param>
/// <param name="ResizedImages">Predictions whose size differed from the truth and were resized.</param>
/// <param name="Images">Images evaluated.</param>
public sealed record PredictionResizeSummary(string Method, int ResizedImages, int Images);
