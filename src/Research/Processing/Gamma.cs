using Research.Imaging;

namespace Research.Processing;

/// <summary>Gamma correction: v' = max x (v / max)^gamma, max being 255, 65535 or (float images) 1.</summary>
public static class Gamma
{
    /// <summary>
    /// Applies <paramref name="gamma"/> (positive; below 1 brightens, above 1 darkens). Integer images use a lookup table
    /// rounded half to even; float images are taken as [0, 1] (values below 0 become 0, above 1 follow the same power).
    /// </summary>
    public static Image<T> Apply<T>(Image<T> image, double gamma) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(image);
        if (!(gamma > 0) || !double.IsFinite(gamma)) throw new InputException($"Gamma must be a positive number, got {gamma}.");
        switch (image)
        {
            case Image<byte> b:
                var lut8 = Table(255, gamma);
                return (Image<T>)(object)new Image<byte>(b.Width, b.Height, b.Channels, Array.ConvertAll(b.Data, v => (byte)lut8[v]));
            case Image<ushort> s:
                var lut16 = Table(65535, gamma);
                return (Image<T>)(object)new Image<ushort>(s.Width, s.Height, s.Channels, Array.ConvertAll(s.Data, v => (ushort)lut16[v]));
            case Image<float> f:
                return (Image<T>)(object)new Image<float>(f.Width, f.Height, f.Channels, Array.ConvertAll(f.Data, v => (float)Math.Pow(Math.Max(v, 0f), gamma)));
            default:
                throw new InputException($"Gamma correction needs an 8-bit, 16-bit or float image, got {image.PixelType}.");
        }
    }

    private static int[] Table(int max, double gamma)
    {
        var table = new int[max + 1];
        for (int i = 0; i <= max; i++) table[i] = (int)Math.Round(max * Math.Pow(i / (double)max, gamma), MidpointRounding.ToEven);
        return table;
    }
}
