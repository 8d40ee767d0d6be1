using Research.Imaging;

namespace Research.Processing;

/// <summary>Converts samples to and from float; back to integer types with rounding half to even and saturation (OpenCV's saturate_cast).</summary>
public static class SampleConversion
{
    /// <summary>The samples as floats (a new array).</summary>
    public static float[] ToFloat<T>(Image<T> image) where T : unmanaged => image switch
    {
        Image<byte> b => Array.ConvertAll(b.Data, v => (float)v),
        Image<ushort> s => Array.ConvertAll(s.Data, v => (float)v),
        Image<int> n => Array.ConvertAll(n.Data, v => (float)v),
        Image<float> f => (float[])f.Data.Clone(),
        _ => throw new ArgumentException($"Unsupported image {image}.", nameof(image)),
    };

    /// <summary>An image of <typeparamref name="T"/> from float samples: rounded half to even and saturated for integer types.</summary>
    public static Image<T> FromFloat<T>(float[] values, int width, int height, int channels) where T : unmanaged
    {
        object data = typeof(T) == typeof(byte) ? Array.ConvertAll(values, v => (byte)Math.Clamp(MathF.Round(v), 0, 255))
            : typeof(T) == typeof(ushort) ? Array.ConvertAll(values, v => (ushort)Math.Clamp(MathF.Round(v), 0, 65535))
            : typeof(T) == typeof(int) ? Array.ConvertAll(values, v => (int)Math.Clamp(Math.Round((double)v), int.MinValue, int.MaxValue))
            : values;
        return new Image<T>(width, height, channels, (T[])data);
    }
}
