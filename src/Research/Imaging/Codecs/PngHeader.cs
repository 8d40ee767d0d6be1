using System.Buffers.Binary;

namespace Research.Imaging.Codecs;

/// <summary>The facts of a PNG's IHDR chunk that decide how it is decoded.</summary>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="BitDepth">Bits per sample (1, 2, 4, 8 or 16).</param>
/// <param name="ColorType">0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA.</param>
/// <param name="Interlaced">True for Adam7 interlacing.</param>
internal sealed record PngHeader(int Width, int Height, int BitDepth, int ColorType, bool Interlaced)
{
    /// <summary>The eight bytes every PNG file starts with.</summary>
    public static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Samples per pixel for the colour type, or 0 for an invalid one.</summary>
    public int Channels => ColorType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, 6 => 4, _ => 0 };

    /// <summary>Reads the IHDR that must follow the signature; throws <see cref="ImageFileException"/> when it is missing or invalid.</summary>
    public static PngHeader Parse(ReadOnlySpan<byte> file, string name)
    {
        if (file.Length < 33 || !file[..8].SequenceEqual(Signature) || !file.Slice(12, 4).SequenceEqual("IHDR"u8))
        {
            throw new ImageFileException(name, "is not a valid PNG file (the header is missing or truncated).");
        }
        int width = BinaryPrimitives.ReadInt32BigEndian(file[16..]);
        int height = BinaryPrimitives.ReadInt32BigEndian(file[20..]);
        var header = new PngHeader(width, height, file[24], file[25], file[28] != 0);
        if (width <= 0 || height <= 0 || header.Channels == 0 || file[26] != 0 || file[27] != 0 || file[28] > 1)
        {
            throw new ImageFileException(name, $"is not a valid PNG file (invalid IHDR: {width}x{height}, colour type {header.ColorType}).");
        }
        return header;
    }
}
