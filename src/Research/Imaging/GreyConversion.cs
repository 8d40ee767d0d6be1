namespace Research.Imaging;

/// <summary>
/// Converts 8- and 16-bit images to one grey channel, exactly as OpenCV's
/// <c>cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)</c> does for colour pixels:
/// <list type="bullet">
/// <item>1 channel: the image itself is returned (the same instance, not a copy).</item>
/// <item>2 channels (grey + alpha): a new image of the grey channel.</item>
/// <item>3 or 4 channels where R = G = B at every pixel: a new image of R (alpha ignored).</item>
/// <item>otherwise ITU-R BT.601 luma in OpenCV's 15-bit fixed point,
/// <c>Y = (R*9798 + G*19235 + B*3735 + 16384) &gt;&gt; 15</c> (alpha ignored), in 64-bit arithmetic.</item>
/// </list>
/// OpenCV 4.6 uses these 15-bit coefficients (0.299, 0.587, 0.114 times 32768, rounded) for both 8- and 16-bit
/// input; the 14-bit variant <c>(R*4899 + G*9617 + B*1868 + 8192) &gt;&gt; 14</c> differs from it on some pixels.
/// </summary>
public static class GreyConversion
{
    private const long RedWeight = 9798, GreenWeight = 19235, BlueWeight = 3735, Shift = 15, Half = 1 << 14;

    /// <summary>Converts an 8-bit image to grey by the rule in the class remarks.</summary>
    public static Image<byte> ToGrey(Image<byte> image) => Convert(image, v => v, v => (byte)v);

    /// <summary>Converts a 16-bit image to grey by the rule in the class remarks.</summary>
    public static Image<ushort> ToGrey(Image<ushort> image) => Convert(image, v => v, v => (ushort)v);

    /// <summary>
    /// Converts an 8- or 16-bit image to grey by the rule in the class remarks; other element types throw
    /// <see cref="InputException"/>.
    /// </summary>
    public static IImage ToGrey(IImage image) => image switch
    {
        Image<byte> b => ToGrey(b),
        Image<ushort> u => ToGrey(u),
        null => throw new ArgumentNullException(nameof(image)),
        _ => throw new InputException($"Grey conversion needs an 8- or 16-bit image, but this one is {image.PixelType} ({image.Width}x{image.Height}x{image.Channels})."),
    };

    /// <summary>The luma of one RGB pixel, OpenCV's 15-bit fixed point: (R*9798 + G*19235 + B*3735 + 16384) &gt;&gt; 15.</summary>
    internal static long Luma(long red, long green, long blue) => (red * RedWeight + green * GreenWeight + blue * BlueWeight + Half) >> (int)Shift;

    private static Image<T> Convert<T>(Image<T> image, Func<T, long> widen, Func<long, T> narrow) where T : unmanaged, IEquatable<T>
    {
        ArgumentNullException.ThrowIfNull(image);
        int channels = image.Channels;
        if (channels == 1) return image;
        ReadOnlySpan<T> src = image.Span;
        var grey = new Image<T>(image.Width, image.Height);
        Span<T> dst = grey.Span;
        bool neutral = channels == 2 || IsNeutral(src, channels);
        for (int p = 0, i = 0; p < dst.Length; p++, i += channels)
        {
            dst[p] = neutral ? src[i] : narrow(Luma(widen(src[i]), widen(src[i + 1]), widen(src[i + 2])));
        }
        return grey;
    }

    private static bool IsNeutral<T>(ReadOnlySpan<T> src, int channels) where T : unmanaged, IEquatable<T>
    {
        for (int i = 0; i < src.Length; i += channels)
        {
            if (!src[i].Equals(src[i + 1]) || !src[i].Equals(src[i + 2])) return false;
        }
        return true;
    }
}
