using Research.Imaging;

namespace Research.Augmentation;

/// <summary>
/// The fast path: every fold of a scheme into one contiguous buffer. Each rotation/flip is computed once into a
/// scratch buffer through its index map (<see cref="FoldGeometry.IndexMap"/>); its shifted folds are then block copies.
/// Single-threaded. A 512 x 512 8-bit image and its mask take a few milliseconds for all 113 folds.
/// </summary>
public static class FoldExpansion
{
    /// <summary>Every fold of <paramref name="scheme"/> of <paramref name="image"/>.</summary>
    public static FoldStack<T> Expand<T>(Image<T> image, AugmentationScheme scheme) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(image);
        FoldSchemes.CheckApplicable(scheme, image.Width, image.Height, "The image");
        var folds = FoldSchemes.Folds(scheme);
        var data = GC.AllocateUninitializedArray<T>(folds.Count * image.Data.Length);
        ExpandInto<T>(image.Data, image.Width, image.Height, image.Channels, folds, data);
        return new FoldStack<T>(folds, image.Width, image.Height, image.Channels, data);
    }

    /// <summary>
    /// Writes <paramref name="folds"/> of <paramref name="source"/> one after another into <paramref name="destination"/>
    /// (at least folds x width x height x channels samples). Folds sharing a rotation and flip reuse one rotated copy.
    /// </summary>
    public static void ExpandInto<T>(ReadOnlySpan<T> source, int width, int height, int channels, IReadOnlyList<Fold> folds, Span<T> destination)
        where T : unmanaged
    {
        int n = width * height * channels;
        if (source.Length != n) throw new ArgumentException($"Expected {n} samples, got {source.Length}.", nameof(source));
        if (destination.Length < folds.Count * n) throw new ArgumentException($"The destination holds {destination.Length} samples; {folds.Count} folds need {folds.Count * n}.", nameof(destination));
        var scratch = new T[n];
        var doubled = new T[2 * n];
        int current = -1, doubledKey = -1;
        for (int i = 0; i < folds.Count; i++)
        {
            var fold = folds[i];
            var target = destination.Slice(i * n, n);
            int key = fold.QuarterTurns * 2 + (fold.Flip ? 1 : 0);
            if (fold.Axis == ShiftAxis.None)
            {
                FoldGeometry.RotateFlip(source, target, width, height, channels, fold.QuarterTurns, fold.Flip);
                continue;
            }
            if (key != current)
            {
                FoldGeometry.RotateFlip<T>(source, scratch, width, height, channels, fold.QuarterTurns, fold.Flip);
                current = key;
            }
            var (w, h) = fold.RotatedSize(width, height);
            if (fold.Axis == ShiftAxis.X)
            {
                if (doubledKey != key) FoldGeometry.DoubleRows<T>(scratch, doubled, w, h, channels);
                doubledKey = key;
                FoldGeometry.RollXFromDoubled<T>(doubled, target, w, h, channels, fold.ShiftPixels(width, height));
                continue;
            }
            FoldGeometry.Roll<T>(scratch, target, w, h, channels, fold.Axis, fold.ShiftPixels(width, height));
        }
    }
}
