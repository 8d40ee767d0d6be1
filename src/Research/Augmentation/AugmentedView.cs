using System.Collections;

namespace Research.Augmentation;

/// <summary>One entry of an <see cref="AugmentedView{T}"/>: a source item and the fold to apply to it.</summary>
/// <typeparam name="T">The source item type.</typeparam>
/// <param name="SourceIndex">The item's index in the source list.</param>
/// <param name="Item">The source item (not copied, not transformed).</param>
/// <param name="Fold">The fold to apply.</param>
public readonly record struct AugmentedItem<T>(int SourceIndex, T Item, Fold Fold);

/// <summary>
/// A lazy view of every (source item, fold) pair: index i is item i / folds with fold i % folds, so a 113-fold
/// expansion of N images is a list of 113 x N entries that holds nothing but the source list. Apply the fold when the
/// entry is read (<see cref="FoldGeometry.Apply{T}"/>).
/// </summary>
/// <typeparam name="T">Any source item type (a dataset sample, a path ...).</typeparam>
public sealed class AugmentedView<T> : IReadOnlyList<AugmentedItem<T>>
{
    private readonly IReadOnlyList<T> _source;

    /// <summary>Creates the view over <paramref name="source"/> with the folds of <paramref name="scheme"/>.</summary>
    public AugmentedView(IReadOnlyList<T> source, AugmentationScheme scheme) : this(source, FoldSchemes.Folds(scheme)) { }

    /// <summary>Creates the view over <paramref name="source"/> with the given folds.</summary>
    public AugmentedView(IReadOnlyList<T> source, IReadOnlyList<Fold> folds)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(folds);
        if (folds.Count == 0) throw new ArgumentException("At least one fold is needed.", nameof(folds));
        _source = source;
        Folds = folds;
    }

    /// <summary>The folds each item is expanded into.</summary>
    public IReadOnlyList<Fold> Folds { get; }

    /// <summary>Source items x folds.</summary>
    public int Count => checked(_source.Count * Folds.Count);

    /// <summary>The entry at <paramref name="index"/>: item index / folds, fold index % folds.</summary>
    public AugmentedItem<T> this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index), index, $"Index must be in 0..{Count - 1}.");
            int item = index / Folds.Count;
            return new AugmentedItem<T>(item, _source[item], Folds[index % Folds.Count]);
        }
    }

    /// <inheritdoc />
    public IEnumerator<AugmentedItem<T>> GetEnumerator()
    {
        for (int i = 0; i < Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
