namespace Research.Imaging.Drawing;

/// <summary>Turns any image into an 8-bit RGB image for viewing (previews, galleries, notebooks).</summary>
public static class DisplayImage
{
    /// <summary>
    /// 8-bit RGB for display. 8-bit images keep their values (grey is replicated, alpha dropped); 16-bit, float and int
    /// images are stretched linearly so that their 0.5th and 99.5th percentiles map to 0 and 255.
    /// </summary>
    public static Image<byte> ToRgb8(IImage image) => image switch
    {
        Image<byte> b => FromBytes(b),
        Image<ushort> s => Stretch(s.Width, s.Height, s.Channels, Array.ConvertAll(s.Data, v => (float)v)),
        Image<float> f => Stretch(f.Width, f.Height, f.Channels, f.Data),
        Image<int> i => Stretch(i.Width, i.Height, i.Channels, Array.ConvertAll(i.Data, v => (float)v)),
        _ => throw new ArgumentException($"Unsupported image {image}.", nameof(image)),
    };

    private static Image<byte> FromBytes(Image<byte> source)
    {
        var rgb = new Image<byte>(source.Width, source.Height, 3);
        int n = source.Width * source.Height, c = source.Channels;
        for (int i = 0; i < n; i++)
        {
            for (int k = 0; k < 3; k++) rgb.Data[i * 3 + k] = source.Data[i * c + (c >= 3 ? k : 0)];
        }
        return rgb;
    }

    private static Image<byte> Stretch(int width, int height, int channels, float[] values)
    {
        float[] sorted = (float[])values.Clone();
        Array.Sort(sorted);
        float low = sorted[(int)(0.005 * (sorted.Length - 1))];
        float high = sorted[(int)(0.995 * (sorted.Length - 1))];
        float scale = high > low ? 255f / (high - low) : 0f;
        var bytes = new byte[values.Length];
        for (int i = 0; i < values.Length; i++) bytes[i] = (byte)Math.Clamp(MathF.Round((values[i] - low) * scale), 0, 255);
        return FromBytes(new Image<byte>(width, height, channels, bytes));
    }
}
