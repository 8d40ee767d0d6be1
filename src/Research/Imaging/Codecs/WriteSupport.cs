namespace Research.Imaging.Codecs;

/// <summary>Which element types and channel counts each format can hold when written.</summary>
internal static class WriteSupport
{
    /// <summary>Throws <see cref="InputException"/> naming <paramref name="name"/> when <paramref name="format"/> cannot hold <paramref name="image"/>.</summary>
    public static void Check(ImageFormat format, IImage image, string name)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image is not (Image<byte> or Image<ushort> or Image<float> or Image<int>))
        {
            throw new ArgumentException($"Unsupported image implementation {image.GetType().Name}; pass an Image<T>.", nameof(image));
        }
        bool typeOk = format switch
        {
            ImageFormat.Png => image.PixelType is PixelType.UInt8 or PixelType.UInt16,
            ImageFormat.Jpeg or ImageFormat.Bmp => image.PixelType == PixelType.UInt8,
            _ => true,
        };
        if (!typeOk)
        {
            throw new InputException($"{name}: {format.ToString().ToUpperInvariant()} cannot hold {image.PixelType} samples; {image.PixelType} images can be written as {Holders(image.PixelType)}.");
        }
        if (format is ImageFormat.Jpeg or ImageFormat.Bmp && image.Channels is not (1 or 3))
        {
            throw new InputException(
                $"{name}: {format.ToString().ToUpperInvariant()} holds grey (1 channel) or RGB (3 channels) images, but this one has {image.Channels}; write PNG or TIFF to keep every channel, or convert it first (e.g. GreyConversion.ToGrey).");
        }
    }

    private static string Holders(PixelType type) => type switch
    {
        PixelType.UInt8 => "PNG, TIFF, JPEG or BMP",
        PixelType.UInt16 => "PNG (.png) or TIFF (.tif)",
        _ => "TIFF (.tif) only",
    };
}
