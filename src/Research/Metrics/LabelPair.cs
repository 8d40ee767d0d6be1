namespace Research.Metrics;

/// <summary>One image to evaluate: its identifier, the true labels and the predicted labels (same size).</summary>
/// <param name="Id">Identifier (file stem, Kaggle ImageId ...).</param>
/// <param name="Truth">True instance labels.</param>
/// <param name="Prediction">Predicted instance labels.</param>
/// <param name="MissingPrediction">True when the source had no prediction for this image and supplied an empty one.</param>
public sealed record LabelPair(string Id, LabelImage Truth, LabelImage Prediction, bool MissingPrediction = false)
{
    /// <summary>The prediction's size before it was resized to the truth's (<see cref="Evaluation.ResizingPairSource"/>), or null.</summary>
    public (int Width, int Height)? PredictionResizedFrom { get; init; }
}

/// <summary>
/// Where evaluation pairs come from: two label folders (<see cref="Evaluation.FolderPairSource"/>), and, to be
/// plugged in, a Kaggle RLE file or a dataset reader. Pairs are produced lazily, one image at a time.
/// </summary>
public interface ILabelPairSource
{
    /// <summary>What the source reads, for reports (for example the two folders).</summary>
    string Description { get; }

    /// <summary>The pairs, in a stable order (by identifier).</summary>
    IEnumerable<LabelPair> Pairs();
}
