namespace Research.Metrics.Evaluation;

/// <summary>How prediction files are paired with true images.</summary>
public enum PredictionPairing
{
    /// <summary>By equal file stem (or Kaggle ImageId).</summary>
    Stem,

    /// <summary>By sorted order (<see cref="OrderedPredictions"/>): the k-th prediction file belongs to the k-th true image.</summary>
    Sorted,
}
