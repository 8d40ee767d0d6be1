using Research.IO;

namespace Research.Torch.Training;

/// <summary>
/// <c>RUN/split.json</c>: which source images (DSB2018 ImageIds, file stems) the run trained on and which it held out
/// for validation, so the held-out images can be predicted and scored (for instance to choose post-processing
/// settings) without touching a test set. Written when the run starts, from the split the trainer uses.
/// </summary>
/// <param name="Dataset">The dataset id.</param>
/// <param name="Seed">The run's seed.</param>
/// <param name="ValidationFraction">The fraction held out.</param>
/// <param name="Train">Training sources, ordinal order.</param>
/// <param name="Validation">Validation sources, ordinal order.</param>
public sealed record SplitRecord(string Dataset, ulong Seed, double ValidationFraction, IReadOnlyList<string> Train, IReadOnlyList<string> Validation)
{
    /// <summary>The file name in the run folder.</summary>
    public const string FileName = "split.json";

    /// <summary>The record of <paramref name="split"/> over <paramref name="source"/>.</summary>
    public static SplitRecord Of(ITrainingSource source, DataSplit split, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(options);
        static string[] Sources(ITrainingSource s, IReadOnlyList<int> indices) => [.. indices.Select(s.SourceOf).Distinct().Order(StringComparer.Ordinal)];
        return new SplitRecord(source.DatasetId, options.Seed, options.ValidationFraction, Sources(source, split.Train), Sources(source, split.Validation));
    }

    /// <summary>Writes the record into <paramref name="runFolder"/> (atomically).</summary>
    public void Write(string runFolder) => Json.Write(Path.Combine(runFolder, FileName), this);
}
