using Research.Randomness;

namespace Research.Augmentation;

/// <summary>A train/validation split of source items, made before any augmentation.</summary>
/// <typeparam name="T">The source item type.</typeparam>
/// <param name="Train">Items for training.</param>
/// <param name="Validation">Items for validation.</param>
/// <param name="TrainIndices">Indices of the training items in the source list, ascending.</param>
/// <param name="ValidationIndices">Indices of the validation items, ascending.</param>
public sealed record SourceSplit<T>(IReadOnlyList<T> Train, IReadOnlyList<T> Validation, IReadOnlyList<int> TrainIndices, IReadOnlyList<int> ValidationIndices)
{
    /// <summary>The training items expanded by <paramref name="scheme"/>: no fold of a validation item can appear in it.</summary>
    public AugmentedView<T> AugmentedTrain(AugmentationScheme scheme) => new(Train, scheme);
}

/// <summary>Splits source items (images, not their augmented copies) into training and validation sets, seeded.</summary>
public static class SourceSplitter
{
    /// <summary>
    /// Shuffles the indices of <paramref name="source"/> with <paramref name="seed"/> (Fisher-Yates on <see cref="SeededRandom"/>)
    /// and puts round(count x <paramref name="validationFraction"/>) of them, at least 1 when there are 2 or more items and
    /// the fraction is positive, into validation. The same seed gives the same split.
    /// </summary>
    public static SourceSplit<T> Split<T>(IReadOnlyList<T> source, double validationFraction, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!(validationFraction >= 0 && validationFraction < 1)) throw new InputException($"The validation fraction must be in [0, 1), got {validationFraction}.");
        int n = source.Count;
        int validation = (int)Math.Round(n * validationFraction, MidpointRounding.AwayFromZero);
        if (validationFraction > 0 && n >= 2) validation = Math.Clamp(validation, 1, n - 1);
        var order = Enumerable.Range(0, n).ToArray();
        var random = new SeededRandom(seed);
        for (int i = n - 1; i > 0; i--)
        {
            int j = random.NextInt(0, i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        var validationIndices = order.Take(validation).Order().ToArray();
        var trainIndices = order.Skip(validation).Order().ToArray();
        return new SourceSplit<T>([.. trainIndices.Select(i => source[i])], [.. validationIndices.Select(i => source[i])], trainIndices, validationIndices);
    }
}
