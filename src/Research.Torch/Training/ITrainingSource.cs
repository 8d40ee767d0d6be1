namespace Research.Torch.Training;

/// <summary>
/// Where the trainer gets its samples (one per image, with its instance labels): <see cref="SyntheticTrainingSource"/>
/// (generated in memory) and <see cref="DatasetTrainingSource"/> (a manifest dataset's split through its layout reader).
/// <see cref="Get"/> must be thread-safe and deterministic: it is called from the loader thread.
/// </summary>
public interface ITrainingSource
{
    /// <summary>The dataset's id, recorded in the run's provenance.</summary>
    string DatasetId { get; }

    /// <summary>A checksum of the dataset's content (for example SHA-256 of its manifest), recorded in provenance.</summary>
    string Checksum { get; }

    /// <summary>Number of samples.</summary>
    int Count { get; }

    /// <summary>Channels of every image.</summary>
    int Channels { get; }

    /// <summary>The source image id of sample <paramref name="index"/> without loading it.</summary>
    string SourceOf(int index);

    /// <summary>Loads sample <paramref name="index"/>.</summary>
    TrainingSample Get(int index);
}
