using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Research.Imaging;

namespace Research.Augmentation;

/// <summary>
/// The pure geometry of a <see cref="Fold"/>: which source pixel each output pixel comes from. The rotation and flip
/// form an affine map on pixel indices, source index = <c>Origin + x' * StepX + y' * StepY</c> (in pixels, row-major
/// source); the shift is a circular roll of the result. No interpolation: values are moved, never mixed.
/// </summary>
public static class FoldGeometry
{
    /// <summary>
    /// The source pixel (x, y) that lands on (<paramref name="xOut"/>, <paramref name="yOut"/>) after rotating a
    /// <paramref name="width"/> x <paramref name="height"/> image by <paramref name="quarterTurns"/> counter-clockwise and
    /// mirroring left-right when <paramref name="flip"/> (NumPy's <c>fliplr(rot90(a, r))</c>; no shift).
    /// </summary>
    public static (int X, int Y) SourceOf(int quarterTurns, bool flip, int width, int height, int xOut, int yOut)
    {
        int rotatedWidth = quarterTurns % 2 == 0 ? width : height;
        int x = flip ? rotatedWidth - 1 - xOut : xOut;
        int y = yOut;
        // rot90 k=1: out(x, y) = a(W-1-y, x); k=2: a(W-1-x, H-1-y); k=3: a(y, H-1-x).
        return (quarterTurns & 3) switch
        {
            0 => (x, y),
            1 => (width - 1 - y, x),
            2 => (width - 1 - x, height - 1 - y),
            _ => (y, height - 1 - x),
        };
    }

    /// <summary>The affine index map of a rotation and flip: source pixel index = origin + x' * stepX + y' * stepY.</summary>
    public static (int Origin, int StepX, int StepY) IndexMap(int quarterTurns, bool flip, int width, int height)
    {
        // The map is affine in (x', y'), so three points fix it (valid even where 1 falls outside a 1-pixel side).
        static int Index(int w, (int X, int Y) p) => p.Y * w + p.X;
        int origin = Index(width, SourceOf(quarterTurns, flip, width, height, 0, 0));
        int stepX = Index(width, SourceOf(quarterTurns, flip, width, height, 1, 0)) - origin;
        int stepY = Index(width, SourceOf(quarterTurns, flip, width, height, 0, 1)) - origin;
        return (origin, stepX, stepY);
    }

    /// <summary>
    /// Writes the rotated and flipped <paramref name="source"/> (<paramref name="width"/> x <paramref name="height"/>,
    /// <paramref name="channels"/> interleaved) into <paramref name="destination"/>, whose size is the rotated size.
    /// Straight rows are copied (reversed for mirrors); transposes go in cache-sized blocks.
    /// </summary>
    public static void RotateFlip<T>(ReadOnlySpan<T> source, Span<T> destination, int width, int height, int channels, int quarterTurns, bool flip)
        where T : unmanaged
    {
        var (origin, stepX, stepY) = IndexMap(quarterTurns, flip, width, height);
        int outW = quarterTurns % 2 == 0 ? width : height, outH = quarterTurns % 2 == 0 ? height : width;
        if (stepX == 1 || (stepX == -1 && channels == 1))
        {
            for (int y = 0; y < outH; y++)
            {
                int start = origin + y * stepY + (stepX == 1 ? 0 : -(outW - 1));
                var row = destination.Slice(y * outW * channels, outW * channels);
                source.Slice(start * channels, outW * channels).CopyTo(row);
                if (stepX == -1) row.Reverse();
            }
            return;
        }
        if (channels == 1)
        {
            GatherBlocked(source, destination, outW, outH, origin, stepX, stepY);
            return;
        }
        for (int y = 0; y < outH; y++)
        {
            int src = origin + y * stepY, dst = y * outW;
            for (int x = 0; x < outW; x++, src += stepX, dst++)
            {
                for (int c = 0; c < channels; c++) destination[dst * channels + c] = source[src * channels + c];
            }
        }
    }

    private static void GatherBlocked<T>(ReadOnlySpan<T> source, Span<T> destination, int outW, int outH, int origin, int stepX, int stepY)
        where T : unmanaged
    {
        // Transposes in 32 x 32 blocks so that reads and writes both stay in cache; indices were checked by the caller's sizes.
        const int Block = 32;
        if (source.Length < outW * outH || destination.Length < outW * outH) throw new ArgumentException("Buffers are too small for the image.");
        ref T src0 = ref MemoryMarshal.GetReference(source);
        ref T dst0 = ref MemoryMarshal.GetReference(destination);
        for (int by = 0; by < outH; by += Block)
        {
            int yEnd = Math.Min(by + Block, outH);
            for (int bx = 0; bx < outW; bx += Block)
            {
                int xEnd = Math.Min(bx + Block, outW);
                for (int y = by; y < yEnd; y++)
                {
                    nint src = origin + y * stepY + bx * stepX, dst = y * outW + bx;
                    for (int x = bx; x < xEnd; x++, src += stepX, dst++) Unsafe.Add(ref dst0, dst) = Unsafe.Add(ref src0, src);
                }
            }
        }
    }

    /// <summary>
    /// Rolls <paramref name="source"/> (<paramref name="width"/> x <paramref name="height"/>) circularly by
    /// <paramref name="shift"/> pixels to the right (<see cref="ShiftAxis.X"/>) or down (<see cref="ShiftAxis.Y"/>),
    /// like <c>np.roll</c>, writing <paramref name="destination"/> with two block copies per row (x) or two in all (y).
    /// </summary>
    public static void Roll<T>(ReadOnlySpan<T> source, Span<T> destination, int width, int height, int channels, ShiftAxis axis, int shift)
        where T : unmanaged
    {
        int rowLength = width * channels;
        if (axis == ShiftAxis.None || shift == 0)
        {
            source.Slice(0, rowLength * height).CopyTo(destination);
            return;
        }
        if (axis == ShiftAxis.Y)
        {
            int s = ((shift % height) + height) % height;
            source.Slice(0, (height - s) * rowLength).CopyTo(destination.Slice(s * rowLength));
            source.Slice((height - s) * rowLength, s * rowLength).CopyTo(destination);
            return;
        }
        int sx = (((shift % width) + width) % width) * channels;
        for (int y = 0; y < height; y++)
        {
            var src = source.Slice(y * rowLength, rowLength);
            var dst = destination.Slice(y * rowLength, rowLength);
            src.Slice(0, rowLength - sx).CopyTo(dst.Slice(sx));
            src.Slice(rowLength - sx).CopyTo(dst);
        }
    }

    /// <summary>
    /// Each row of <paramref name="source"/> written twice in a row into <paramref name="doubled"/> (2 x width x height x
    /// channels), so that any x shift of a row is one contiguous copy (see <see cref="RollXFromDoubled{T}"/>).
    /// </summary>
    public static void DoubleRows<T>(ReadOnlySpan<T> source, Span<T> doubled, int width, int height, int channels) where T : unmanaged
    {
        int rowLength = width * channels;
        for (int y = 0; y < height; y++)
        {
            var row = source.Slice(y * rowLength, rowLength);
            row.CopyTo(doubled.Slice(2 * y * rowLength, rowLength));
            row.CopyTo(doubled.Slice((2 * y + 1) * rowLength, rowLength));
        }
    }

    /// <summary>The roll along x by <paramref name="shift"/> from rows prepared by <see cref="DoubleRows{T}"/>: one copy per row.</summary>
    public static void RollXFromDoubled<T>(ReadOnlySpan<T> doubled, Span<T> destination, int width, int height, int channels, int shift) where T : unmanaged
    {
        int rowLength = width * channels;
        int start = (width - ((shift % width) + width) % width) % width * channels;
        for (int y = 0; y < height; y++)
        {
            doubled.Slice(2 * y * rowLength + start, rowLength).CopyTo(destination.Slice(y * rowLength, rowLength));
        }
    }

    /// <summary>One fold of <paramref name="image"/> as a new image (the rotated size).</summary>
    public static Image<T> Apply<T>(Image<T> image, Fold fold) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(image);
        var (w, h) = fold.RotatedSize(image.Width, image.Height);
        var rotated = new T[image.Data.Length];
        RotateFlip<T>(image.Data, rotated, image.Width, image.Height, image.Channels, fold.QuarterTurns, fold.Flip);
        if (fold.Axis == ShiftAxis.None) return new Image<T>(w, h, image.Channels, rotated);
        var shifted = new T[rotated.Length];
        Roll<T>(rotated, shifted, w, h, image.Channels, fold.Axis, fold.ShiftPixels(image.Width, image.Height));
        return new Image<T>(w, h, image.Channels, shifted);
    }
}
