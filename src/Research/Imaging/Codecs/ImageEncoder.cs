namespace Research.Imaging.Codecs;

/// <summary>Encodes images in a given format after checking that the format can hold them.</summary>
internal static class ImageEncoder
{
    /// <summary>Writes <paramref name="pages"/> (one unless TIFF) to <paramref name="stream"/>; <paramref name="name"/> names the target in errors.</summary>
    public static void Encode(Stream stream, ImageFormat format, IReadOnlyList<IImage> pages, ImageWriteOptions options, string name)
    {
        Check(format, pages, name);
        IImage image = pages[0];
        switch (format)
        {
            case ImageFormat.Png when image is Image<byte> bytes: PngWriter.Write(stream, bytes); break;
            case ImageFormat.Png: PngWriter.Write(stream, (Image<ushort>)image); break;
            case ImageFormat.Jpeg: SkiaCodec.WriteJpeg(stream, (Image<byte>)image, options.JpegQuality); break;
            case ImageFormat.Bmp: BmpWriter.Write(stream, (Image<byte>)image); break;
            default: TiffWriter.Write(stream, pages, options.TiffCompression, name); break;
        }
    }

    /// <summary>Throws <see cref="InputException"/> when the pages cannot be written as <paramref name="format"/>.</summary>
    public static void Check(ImageFormat format, IReadOnlyList<IImage> pages, string name)
    {
        ArgumentNullException.ThrowIfNull(pages);
        if (pages.Count == 0) throw new InputException($"{name}: there are no pages to write.");
        if (pages.Count > 1 && format != ImageFormat.Tiff)
        {
            throw new InputException($"{name}: only TIFF holds several pages, not {format.ToString().ToUpperInvariant()}; use a .tif or .tiff path, or write each page to its own file.");
        }
        foreach (IImage page in pages) WriteSupport.Check(format, page, name);
    }
}
