using System.Buffers.Binary;
using System.IO.Compression;

namespace Research.Imaging.Codecs;

/// <summary>
/// Decodes non-interlaced 8- and 16-bit PNG files of colour types 0 (grey), 2 (RGB), 4 (grey+alpha) and
/// 6 (RGBA) to their samples exactly, without Skia (which reduces 16-bit PNG to 8 bits). Chunk CRCs are
/// checked; ancillary chunks (gamma, tRNS, sBIT, ...) are ignored, so the samples are returned as stored.
/// </summary>
internal static class PngReader
{
    /// <summary>Decodes <paramref name="file"/>; <paramref name="name"/> names it in errors.</summary>
    public static IImage Read(ReadOnlySpan<byte> file, string name)
    {
        PngHeader header = PngHeader.Parse(file, name);
        if (header.Interlaced)
        {
            throw new ImageFileException(name,
                $"is an interlaced {header.BitDepth}-bit PNG, which this reader does not support; re-save it without interlacing (e.g. with OpenCV or ImageMagick's -interlace none).");
        }
        if (header.BitDepth is not (8 or 16) || header.ColorType == 3)
        {
            throw new ImageFileException(name, $"is a PNG of bit depth {header.BitDepth} and colour type {header.ColorType}, which this reader does not support.");
        }
        byte[] raw = Inflate(CollectImageData(file, name), name);
        int bytesPerSample = header.BitDepth / 8;
        int bpp = header.Channels * bytesPerSample;
        long rowBytes = (long)header.Width * bpp;
        if (raw.Length < (rowBytes + 1) * header.Height)
        {
            throw new ImageFileException(name, "is a truncated PNG file: its image data ends early; the file is incomplete or corrupt.");
        }
        var samples = new byte[rowBytes * header.Height];
        var zero = new byte[rowBytes];
        for (int y = 0; y < header.Height; y++)
        {
            Span<byte> row = samples.AsSpan((int)(y * rowBytes), (int)rowBytes);
            raw.AsSpan((int)(y * (rowBytes + 1) + 1), (int)rowBytes).CopyTo(row);
            ReadOnlySpan<byte> prior = y == 0 ? zero : samples.AsSpan((int)((y - 1) * rowBytes), (int)rowBytes);
            int filter = raw[(int)(y * (rowBytes + 1))];
            if (filter > 4) throw new ImageFileException(name, $"is a corrupt PNG file: row {y} has unknown filter type {filter}.");
            PngFilters.Unfilter(filter, row, prior, bpp);
        }
        if (bytesPerSample == 1) return new Image<byte>(header.Width, header.Height, header.Channels, samples);
        var wide = new ushort[samples.Length / 2];
        for (int i = 0; i < wide.Length; i++) wide[i] = BinaryPrimitives.ReadUInt16BigEndian(samples.AsSpan(2 * i));
        return new Image<ushort>(header.Width, header.Height, header.Channels, wide);
    }

    private static MemoryStream CollectImageData(ReadOnlySpan<byte> file, string name)
    {
        var idat = new MemoryStream();
        int pos = 8;
        while (true)
        {
            if (pos + 12 > file.Length) throw new ImageFileException(name, "is a truncated PNG file (it ends before the IEND chunk); the file is incomplete.");
            int length = BinaryPrimitives.ReadInt32BigEndian(file[pos..]);
            if (length < 0 || (long)pos + 12 + length > file.Length)
            {
                throw new ImageFileException(name, "is a truncated PNG file (a chunk runs past the end of the file); the file is incomplete.");
            }
            ReadOnlySpan<byte> type = file.Slice(pos + 4, 4);
            ReadOnlySpan<byte> data = file.Slice(pos + 8, length);
            if (BinaryPrimitives.ReadUInt32BigEndian(file[(pos + 8 + length)..]) != Crc32.Compute(type, data))
            {
                throw new ImageFileException(name, $"is a corrupt PNG file: the CRC of chunk '{System.Text.Encoding.ASCII.GetString(type)}' does not match.");
            }
            if (type.SequenceEqual("IDAT"u8)) idat.Write(data);
            if (type.SequenceEqual("IEND"u8)) break;
            pos += 12 + length;
        }
        idat.Position = 0;
        return idat;
    }

    private static byte[] Inflate(MemoryStream compressed, string name)
    {
        try
        {
            using var zlib = new ZLibStream(compressed, CompressionMode.Decompress);
            using var output = new MemoryStream();
            zlib.CopyTo(output);
            return output.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new ImageFileException(name, $"is a corrupt PNG file: its compressed image data cannot be decompressed ({e.Message}).", e);
        }
    }
}
