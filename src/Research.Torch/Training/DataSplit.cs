using Research.Augmentation;
using Research.Randomness;

namespace Research.Torch.Training;

/// <summary>Sample indices of the training and validation parts.</summary>
/// <param name="Train">Training sample indices, ascending.</param>
/// <param name="Validation">Validation sample indices, ascending.</param>
public sealed record DataSplit(IReadOnlyList<int> Train, IReadOnlyList<int> Validation)
{
    /// <summary>
    /// Splits by source image, before any augmentation: the distinct sources (sorted ordinally) are split by
    /// <see cref="SourceSplitter"/> with a seed derived from <paramref name="seed"/> (round(fraction x sources), at least 1
    /// and at most sources - 1, go to validation), so samples of one source, and the folds of a training image, never fall
    /// on both sides.
    /// </summary>
    public static DataSplit BySource(ITrainingSource source, double fraction, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(source);
        var sources = Enumerable.Range(0, source.Count).Select(source.SourceOf).Distinct().Order(StringComparer.Ordinal).ToArray();
        if (sources.Length < 2) throw new InputException($"The dataset has {sources.Length} source image(s); training needs at least 2 (one for validation).");
        var parts = SourceSplitter.Split(sources, fraction, SeededRandom.Derive(seed, 0x5_0117).NextUInt64());
        var validation = new HashSet<string>(parts.Validation, StringComparer.Ordinal);
        var train = new List<int>();
        var val = new List<int>();
        for (int i = 0; i < source.Count; i++) (validation.Contains(source.SourceOf(i)) ? val : train).Add(i);
        return new DataSplit(train, val);
    }

    /// <summary>Fisher-Yates shuffle with the given generator.</summary>
    public static void Shuffle<T>(T[] items, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(random);
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = random.NextInt(0, i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
