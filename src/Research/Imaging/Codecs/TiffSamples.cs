using System.Runtime.InteropServices;

namespace Research.Imaging.Codecs;

/// <summary>Moves samples between typed images and the machine-order bytes LibTiff reads and writes.</summary>
internal static class TiffSamples
{
    /// <summary>The image's samples as bytes in machine order (a copy unless the image holds bytes).</summary>
    public static byte[] Bytes(IImage image) => image switch
    {
        Image<byte> b => b.Data,
        Image<ushort> u => MemoryMarshal.AsBytes(u.Span).ToArray(),
        Image<float> f => MemoryMarshal.AsBytes(f.Span).ToArray(),
        Image<int> i => MemoryMarshal.AsBytes(i.Span).ToArray(),
        _ => throw new ArgumentException($"Unsupported image implementation {image.GetType().Name}.", nameof(image)),
    };

    /// <summary>A typed image of <paramref name="type"/> holding <paramref name="bytes"/> (machine order).</summary>
    public static IImage ToImage(PixelType type, byte[] bytes, int width, int height, int channels) => type switch
    {
        PixelType.UInt8 => new Image<byte>(width, height, channels, bytes),
        PixelType.UInt16 => Typed<ushort>(bytes, width, height, channels),
        PixelType.Float32 => Typed<float>(bytes, width, height, channels),
        _ => Typed<int>(bytes, width, height, channels),
    };

    /// <summary>
    /// Copies one sample plane (<paramref name="count"/> samples of <paramref name="bytesPerSample"/> bytes)
    /// into every <paramref name="channels"/>-th sample of <paramref name="interleaved"/>, starting at
    /// channel <paramref name="channel"/>.
    /// </summary>
    public static void Scatter(ReadOnlySpan<byte> plane, Span<byte> interleaved, int count, int bytesPerSample, int channels, int channel)
    {
        for (int i = 0; i < count; i++)
        {
            plane.Slice(i * bytesPerSample, bytesPerSample)
                .CopyTo(interleaved[((i * channels + channel) * bytesPerSample)..]);
        }
    }

    private static Image<T> Typed<T>(byte[] bytes, int width, int height, int channels) where T : unmanaged
    {
        var image = new Image<T>(width, height, channels);
        bytes.CopyTo(image.AsBytes());
        return image;
    }
}
