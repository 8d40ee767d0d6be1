using Research.Imaging;

namespace Research.Augmentation;

/// <summary>
/// All folds of one image in one contiguous array: fold i occupies samples [i * N, (i + 1) * N), N = width x height x
/// channels of the source. Rotated folds of a non-square image are <see cref="Fold.RotatedSize"/> (width and height swapped).
/// </summary>
/// <typeparam name="T">The sample type.</typeparam>
public sealed class FoldStack<T> where T : unmanaged
{
    internal FoldStack(IReadOnlyList<Fold> folds, int width, int height, int channels, T[] data)
    {
        Folds = folds;
        SourceWidth = width;
        SourceHeight = height;
        Channels = channels;
        Data = data;
    }

    /// <summary>The folds, in order.</summary>
    public IReadOnlyList<Fold> Folds { get; }

    /// <summary>Width of the source image.</summary>
    public int SourceWidth { get; }

    /// <summary>Height of the source image.</summary>
    public int SourceHeight { get; }

    /// <summary>Samples per pixel.</summary>
    public int Channels { get; }

    /// <summary>All folds, one after another.</summary>
    public T[] Data { get; }

    /// <summary>Samples per fold.</summary>
    public int FoldLength => SourceWidth * SourceHeight * Channels;

    /// <summary>The samples of fold <paramref name="i"/> (no copy).</summary>
    public Span<T> Samples(int i) => Data.AsSpan(i * FoldLength, FoldLength);

    /// <summary>Fold <paramref name="i"/> as an image of its own (a copy).</summary>
    public Image<T> ToImage(int i)
    {
        var (w, h) = Folds[i].RotatedSize(SourceWidth, SourceHeight);
        return new Image<T>(w, h, Channels, Samples(i).ToArray());
    }
}
