namespace Research.Imaging.Codecs;

/// <summary>Decodes a whole file held in memory: detects the format and picks the decoder for its bit depth.</summary>
internal static class ImageDecoder
{
    /// <summary>
    /// The first page of <paramref name="file"/>, or every page of a TIFF when <paramref name="allPages"/> is true.
    /// Any failure becomes an <see cref="ImageFileException"/> naming <paramref name="name"/>.
    /// </summary>
    public static IReadOnlyList<IImage> Decode(byte[] file, string name, bool allPages)
    {
        ImageFormat format = FormatDetection.Detect(file, name);
        try
        {
            return format switch
            {
                ImageFormat.Png => [DecodePng(file, name)],
                ImageFormat.Bmp => [DecodeBmp(file, name)],
                ImageFormat.Jpeg => [SkiaCodec.Read(file, name, "JPEG")],
                _ => TiffReader.Read(file, name, allPages),
            };
        }
        catch (Exception e) when (e is not (ImageFileException or OutOfMemoryException))
        {
            throw new ImageFileException(name, $"cannot be decoded as {format.ToString().ToUpperInvariant()}: the file is corrupt or truncated ({e.Message}).", e);
        }
    }

    private static IImage DecodePng(byte[] file, string name)
    {
        PngHeader header = PngHeader.Parse(file, name);
        if (header.BitDepth == 16 || (header.ColorType == 4 && !header.Interlaced)) return PngReader.Read(file, name);
        Image<byte> image = SkiaCodec.Read(file, name, "PNG");
        if (header.ColorType == 4 && image.Channels == 4) return Select(image, 0, 3);
        // A palette of grey entries only (no transparency) is a grey image: keep one channel, as for grey BMPs.
        return header.ColorType == 3 && image.Channels == 3 && PngPalette.IsGrey(file) ? Select(image, 0) : image;
    }

    private static Image<byte> DecodeBmp(byte[] file, string name)
    {
        Image<byte> image = SkiaCodec.Read(file, name, "BMP");
        return image.Channels == 3 && BmpPalette.IsGrey(file) ? Select(image, 0) : image;
    }

    private static Image<byte> Select(Image<byte> source, params int[] channels)
    {
        var result = new Image<byte>(source.Width, source.Height, channels.Length);
        ReadOnlySpan<byte> src = source.Span;
        Span<byte> dst = result.Span;
        int pixels = source.Width * source.Height;
        for (int p = 0; p < pixels; p++)
        {
            for (int c = 0; c < channels.Length; c++) dst[p * channels.Length + c] = src[p * source.Channels + channels[c]];
        }
        return result;
    }
}
