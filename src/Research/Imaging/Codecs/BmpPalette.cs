using System.Buffers.Binary;

namespace Research.Imaging.Codecs;

/// <summary>Recognises palette BMP files whose colours are all grey, so they can be read as 1-channel images.</summary>
internal static class BmpPalette
{
    /// <summary>
    /// True when <paramref name="file"/> is a BMP of at most 8 bits per pixel whose palette entries all have
    /// equal blue, green and red, so every decoded pixel has R = G = B.
    /// </summary>
    public static bool IsGrey(ReadOnlySpan<byte> file)
    {
        if (file.Length < 54) return false;
        int infoSize = BinaryPrimitives.ReadInt32LittleEndian(file[14..]);
        int bitCount = BinaryPrimitives.ReadUInt16LittleEndian(file[28..]);
        if (infoSize < 40 || bitCount is not (1 or 4 or 8)) return false;
        int used = BinaryPrimitives.ReadInt32LittleEndian(file[46..]);
        int entries = used > 0 && used <= 1 << bitCount ? used : 1 << bitCount;
        long start = 14L + infoSize;
        if (start + 4L * entries > file.Length) return false;
        for (int i = 0; i < entries; i++)
        {
            ReadOnlySpan<byte> entry = file.Slice((int)start + 4 * i, 3);
            if (entry[0] != entry[1] || entry[1] != entry[2]) return false;
        }
        return true;
    }
}
