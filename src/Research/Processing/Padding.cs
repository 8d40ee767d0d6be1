using Research.Imaging;

namespace Research.Processing;

/// <summary>Adds borders around an image (all channels, any sample type).</summary>
public static class Padding
{
    /// <summary>
    /// A new image with <paramref name="top"/>, <paramref name="bottom"/>, <paramref name="left"/>, <paramref name="right"/>
    /// pixels added, filled as <paramref name="mode"/> says (<paramref name="value"/> for <see cref="PaddingMode.Constant"/>).
    /// Reflection repeats as often as needed when a border is wider than the image.
    /// </summary>
    public static Image<T> Pad<T>(Image<T> image, int top, int bottom, int left, int right, PaddingMode mode, T value = default) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(image);
        if (top < 0 || bottom < 0 || left < 0 || right < 0) throw new ArgumentOutOfRangeException(nameof(top), "Padding must be zero or positive.");
        int w = image.Width, h = image.Height, c = image.Channels, outW = w + left + right, outH = h + top + bottom;
        var result = new Image<T>(outW, outH, c);
        for (int y = 0; y < outH; y++)
        {
            int sy = Source(y - top, h, mode);
            var row = result.Row(y);
            for (int x = 0; x < outW; x++)
            {
                int sx = Source(x - left, w, mode);
                for (int k = 0; k < c; k++) row[x * c + k] = sx < 0 || sy < 0 ? value : image.Data[(sy * w + sx) * c + k];
            }
        }
        return result;
    }

    /// <summary><see cref="Pad{T}"/> with <see cref="PaddingMode.Reflect"/> (OpenCV's BORDER_REFLECT_101).</summary>
    public static Image<T> Reflect101<T>(Image<T> image, int top, int bottom, int left, int right) where T : unmanaged =>
        Pad(image, top, bottom, left, right, PaddingMode.Reflect);

    /// <summary>The source index of padded position <paramref name="i"/> along a side of <paramref name="n"/> pixels; -1 for the constant.</summary>
    public static int Source(int i, int n, PaddingMode mode)
    {
        if ((uint)i < (uint)n) return i;
        switch (mode)
        {
            case PaddingMode.Constant: return -1;
            case PaddingMode.Edge: return Math.Clamp(i, 0, n - 1);
            default:
                if (n == 1) return 0;
                int period = 2 * n - 2;
                int m = ((i % period) + period) % period;
                return m < n ? m : period - m;
        }
    }
}
