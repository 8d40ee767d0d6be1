using SkiaSharp;

namespace Research.Imaging.Codecs;

/// <summary>
/// 8-bit decoding of PNG, JPEG and BMP through SkiaSharp's <see cref="SKCodec"/>, and JPEG encoding.
/// Pixels are decoded without colour-space conversion into unpremultiplied RGBA (or Gray8 for grey
/// sources) and reported as 1 (grey), 3 (opaque colour) or 4 (colour with alpha) channels. JPEG EXIF
/// orientation is not applied: the pixels are returned in stored order.
/// </summary>
internal static class SkiaCodec
{
    /// <summary>Decodes <paramref name="file"/>; <paramref name="name"/> names it in errors.</summary>
    public static Image<byte> Read(byte[] file, string name, string formatName)
    {
        using var data = SKData.CreateCopy(file);
        using var codec = SKCodec.Create(data)
            ?? throw new ImageFileException(name, $"cannot be decoded as {formatName}: the file is corrupt, truncated or not really a {formatName} file.");
        int width = codec.Info.Width, height = codec.Info.Height;
        bool grey = codec.Info.ColorType == SKColorType.Gray8;
        int channels = grey ? 1 : codec.Info.AlphaType == SKAlphaType.Opaque ? 3 : 4;
        var info = grey
            ? new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque)
            : new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var pixels = new byte[(long)width * height * info.BytesPerPixel];
        SKCodecResult result;
        unsafe
        {
            fixed (byte* p = pixels) result = codec.GetPixels(info, (IntPtr)p);
        }
        if (result != SKCodecResult.Success)
        {
            string problem = result == SKCodecResult.IncompleteInput
                ? "is truncated: the image data ends early; the file is incomplete"
                : $"cannot be decoded as {formatName} ({result}); the file is corrupt";
            throw new ImageFileException(name, problem + ".");
        }
        return channels == 3 ? DropAlpha(pixels, width, height) : new Image<byte>(width, height, channels, pixels);
    }

    /// <summary>Encodes an 8-bit grey (1 channel) or RGB (3 channels) image as JPEG.</summary>
    public static void WriteJpeg(Stream stream, Image<byte> image, int quality)
    {
        bool grey = image.Channels == 1;
        byte[] pixels = grey ? image.Data : AddOpaqueAlpha(image);
        var info = grey
            ? new SKImageInfo(image.Width, image.Height, SKColorType.Gray8, SKAlphaType.Opaque)
            : new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        SKData? encoded;
        unsafe
        {
            fixed (byte* p = pixels)
            {
                using var pixmap = new SKPixmap(info, (IntPtr)p, info.RowBytes);
                encoded = pixmap.Encode(new SKJpegEncoderOptions(quality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore));
            }
        }
        using (encoded)
        {
            if (encoded is null) throw new InvalidOperationException("SkiaSharp failed to encode the JPEG image.");
            stream.Write(encoded.AsSpan());
        }
    }

    private static Image<byte> DropAlpha(byte[] rgba, int width, int height)
    {
        var image = new Image<byte>(width, height, 3);
        Span<byte> rgb = image.Span;
        for (int i = 0, j = 0; j < rgb.Length; i += 4, j += 3)
        {
            rgb[j] = rgba[i];
            rgb[j + 1] = rgba[i + 1];
            rgb[j + 2] = rgba[i + 2];
        }
        return image;
    }

    private static byte[] AddOpaqueAlpha(Image<byte> rgb)
    {
        var rgba = new byte[rgb.Width * rgb.Height * 4];
        ReadOnlySpan<byte> src = rgb.Span;
        for (int i = 0, j = 0; i < src.Length; i += 3, j += 4)
        {
            rgba[j] = src[i];
            rgba[j + 1] = src[i + 1];
            rgba[j + 2] = src[i + 2];
            rgba[j + 3] = 255;
        }
        return rgba;
    }
}
