using System.Globalization;

namespace Research.Imaging.Codecs;

/// <summary>Recognises an image format from a file's first bytes (its magic number), not from its name.</summary>
internal static class FormatDetection
{
    /// <summary>The format of <paramref name="file"/>; throws <see cref="ImageFileException"/> naming what was found instead.</summary>
    public static ImageFormat Detect(ReadOnlySpan<byte> file, string name)
    {
        if (file.Length == 0) throw new ImageFileException(name, "the file is empty (0 bytes); it was probably not written completely. Re-create or re-download it.");
        if (file.StartsWith(PngHeader.Signature[..4])) return ImageFormat.Png;
        if (file.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return ImageFormat.Jpeg;
        if (file.StartsWith("BM"u8)) return ImageFormat.Bmp;
        if (file.StartsWith("II*\0"u8) || file.StartsWith("MM\0*"u8) || file.StartsWith("II+\0"u8) || file.StartsWith("MM\0+"u8))
        {
            return ImageFormat.Tiff;
        }
        throw new ImageFileException(name, $"{Describe(file)}; supported are PNG, JPEG, BMP and TIFF. Convert the file to one of these (e.g. PNG).");
    }

    private static string Describe(ReadOnlySpan<byte> file)
    {
        if (file.StartsWith("GIF8"u8)) return "is a GIF image, which is not supported";
        if (file.Length >= 12 && file.StartsWith("RIFF"u8) && file[8..12].SequenceEqual("WEBP"u8)) return "is a WebP image, which is not supported";
        if (file.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50])) return "is a JPEG 2000 image, which is not supported";
        ReadOnlySpan<byte> head = file[..Math.Min(file.Length, 64)];
        bool text = true;
        foreach (byte b in head) text &= b is 9 or 10 or 13 || (b >= 32 && b < 127);
        if (text) return "is not an image: it looks like a text file";
        string hex = string.Join(' ', head[..Math.Min(head.Length, 8)].ToArray().Select(b => b.ToString("X2", CultureInfo.InvariantCulture)));
        return $"is not a recognised image file (it starts with the bytes {hex})";
    }
}
