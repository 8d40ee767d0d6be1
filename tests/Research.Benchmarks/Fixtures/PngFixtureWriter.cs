using System.Buffers.Binary;
using System.IO.Compression;
using Research.Imaging;

namespace Research.Benchmarks.Fixtures;

/// <summary>
/// A small, fixed PNG encoder for benchmark fixtures (8-bit grey, grey+alpha, RGB or RGBA, no interlace).
/// The harness writes its own fixtures rather than calling the library's writer, so the decode benchmarks
/// read the same kind of file whatever the library's encoder does. Rows are filtered adaptively
/// (the filter with the smallest sum of absolute values, as libpng does) and compressed with zlib at its
/// default level, so the file resembles what common tools write.
/// </summary>
public static class PngFixtureWriter
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>Writes <paramref name="image"/> to <paramref name="path"/> as a PNG file.</summary>
    public static void Write(string path, Image<byte> image)
    {
        using var file = File.Create(path);
        file.Write(Signature);
        WriteChunk(file, "IHDR", Header(image));
        WriteChunk(file, "IDAT", CompressedRows(image));
        WriteChunk(file, "IEND", []);
    }

    private static byte[] Header(Image<byte> image)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(0), image.Width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), image.Height);
        header[8] = 8; // bit depth
        header[9] = image.Channels switch { 1 => 0, 2 => 4, 3 => 2, _ => 6 }; // colour type
        return header; // compression, filter and interlace methods 0
    }

    private static byte[] CompressedRows(Image<byte> image)
    {
        int bpp = image.Channels, length = image.RowLength;
        var candidates = new byte[5][];
        for (int f = 0; f < 5; f++) candidates[f] = new byte[length];
        var previous = new byte[length];
        using var buffer = new MemoryStream();
        using (var zlib = new ZLibStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (int y = 0; y < image.Height; y++)
            {
                ReadOnlySpan<byte> row = image.Row(y);
                int best = 0;
                long bestScore = long.MaxValue;
                for (int f = 0; f < 5; f++)
                {
                    long score = Filter(f, row, previous, bpp, candidates[f]);
                    if (score < bestScore) (best, bestScore) = (f, score);
                }
                zlib.WriteByte((byte)best);
                zlib.Write(candidates[best]);
                row.CopyTo(previous);
            }
        }
        return buffer.ToArray();
    }

    private static long Filter(int type, ReadOnlySpan<byte> row, ReadOnlySpan<byte> up, int bpp, Span<byte> output)
    {
        long score = 0;
        for (int i = 0; i < row.Length; i++)
        {
            int a = i >= bpp ? row[i - bpp] : 0, b = up[i], c = i >= bpp ? up[i - bpp] : 0;
            int predictor = type switch
            {
                0 => 0,
                1 => a,
                2 => b,
                3 => (a + b) >> 1,
                _ => Paeth(a, b, c),
            };
            byte value = (byte)(row[i] - predictor);
            output[i] = value;
            score += value < 128 ? value : 256 - value;
        }
        return score;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static void WriteChunk(Stream stream, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        stream.Write(word);
        byte[] typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        stream.Write(typeBytes);
        stream.Write(data);
        uint crc = Crc(0xFFFFFFFFu, typeBytes);
        crc = Crc(crc, data) ^ 0xFFFFFFFFu;
        BinaryPrimitives.WriteUInt32BigEndian(word, crc);
        stream.Write(word);
    }

    private static uint Crc(uint crc, ReadOnlySpan<byte> bytes)
    {
        foreach (byte b in bytes) crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }
}
