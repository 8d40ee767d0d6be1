using System.Buffers.Binary;

namespace Research.Imaging.Codecs;

/// <summary>
/// Recognises palette PNG files (colour type 3) whose palette entries are all grey (R = G = B) and that carry no
/// transparency (tRNS), so that they can be read as one-channel images: such files store grey masks or predictions
/// (the BH2019 published predictions are 8-bit palette PNGs with the identity grey palette).
/// </summary>
internal static class PngPalette
{
    /// <summary>True when <paramref name="file"/> has a PLTE chunk of grey entries only and no tRNS chunk.</summary>
    public static bool IsGrey(ReadOnlySpan<byte> file)
    {
        bool grey = false;
        int at = 8;
        while (at + 8 <= file.Length)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(file[at..]);
            if (length < 0 || at + 12L + length > file.Length) return false;
            ReadOnlySpan<byte> type = file.Slice(at + 4, 4);
            ReadOnlySpan<byte> data = file.Slice(at + 8, length);
            if (type.SequenceEqual("tRNS"u8)) return false;
            if (type.SequenceEqual("PLTE"u8))
            {
                if (length == 0 || length % 3 != 0) return false;
                for (int i = 0; i < length; i += 3)
                {
                    if (data[i] != data[i + 1] || data[i] != data[i + 2]) return false;
                }
                grey = true;
            }
            if (type.SequenceEqual("IDAT"u8)) return grey;
            at += 12 + length;
        }
        return false;
    }
}
