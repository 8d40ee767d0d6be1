using System.Buffers.Binary;
using System.IO.Compression;

namespace Research.Imaging.Codecs;

/// <summary>
/// Writes 8- and 16-bit PNG files (1 grey, 2 grey+alpha, 3 RGB, 4 RGBA channels) without Skia, so the bytes
/// depend only on the image: each row gets the filter with the smallest sum of absolute (signed) filtered
/// bytes, ties going to the lower filter number, and the rows are compressed with <see cref="ZLibStream"/>.
/// No ancillary chunks (no gamma, no time stamp) are written.
/// </summary>
internal static class PngWriter
{
    /// <summary>Writes an 8-bit image.</summary>
    public static void Write(Stream stream, Image<byte> image) => Write(stream, image, image.Data, 8);

    /// <summary>Writes a 16-bit image (samples stored big-endian, as PNG requires).</summary>
    public static void Write(Stream stream, Image<ushort> image)
    {
        var bytes = new byte[image.Data.Length * 2];
        for (int i = 0; i < image.Data.Length; i++) BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(2 * i), image.Data[i]);
        Write(stream, image, bytes, 16);
    }

    private static void Write(Stream stream, IImage image, byte[] samples, int bitDepth)
    {
        stream.Write(PngHeader.Signature);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, image.Width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), image.Height);
        ihdr[8] = (byte)bitDepth;
        ihdr[9] = image.Channels switch { 1 => 0, 2 => 4, 3 => 2, _ => 6 };
        WriteChunk(stream, "IHDR"u8, ihdr);
        WriteChunk(stream, "IDAT"u8, Compress(samples, image.Width, image.Height, image.Channels * bitDepth / 8));
        WriteChunk(stream, "IEND"u8, []);
    }

    private static byte[] Compress(byte[] samples, int width, int height, int bpp)
    {
        int rowBytes = width * bpp;
        var prior = new byte[rowBytes];
        var best = new byte[rowBytes];
        var trial = new byte[rowBytes];
        using var buffer = new MemoryStream();
        using (var zlib = new ZLibStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (int y = 0; y < height; y++)
            {
                ReadOnlySpan<byte> row = samples.AsSpan(y * rowBytes, rowBytes);
                int bestType = 0;
                long bestCost = long.MaxValue;
                for (int type = 0; type < 5; type++)
                {
                    PngFilters.Filter(type, row, prior, bpp, trial);
                    long cost = PngFilters.Cost(trial);
                    if (cost < bestCost)
                    {
                        bestCost = cost;
                        bestType = type;
                        trial.CopyTo(best, 0);
                    }
                }
                zlib.WriteByte((byte)bestType);
                zlib.Write(best);
                row.CopyTo(prior);
            }
        }
        return buffer.ToArray();
    }

    private static void WriteChunk(Stream stream, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        stream.Write(word);
        stream.Write(type);
        stream.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.Compute(type, data));
        stream.Write(word);
    }
}
