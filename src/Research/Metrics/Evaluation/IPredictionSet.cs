namespace Research.Metrics.Evaluation;

/// <summary>Predicted label images by identifier: a folder of label files or a Kaggle RLE file.</summary>
public interface IPredictionSet
{
    /// <summary>What is read, for messages (for example the folder or file).</summary>
    string Description { get; }

    /// <summary>Identifiers of the images that have a prediction.</summary>
    IReadOnlyCollection<string> Ids { get; }

    /// <summary>The prediction for <paramref name="id"/>; the true image's size is given for sources that carry none.</summary>
    LabelImage Load(string id, int width, int height);
}
