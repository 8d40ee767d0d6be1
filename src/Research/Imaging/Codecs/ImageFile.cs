using Research.IO;

namespace Research.Imaging.Codecs;

/// <summary>
/// Reads and writes PNG, JPEG, BMP and TIFF images. Reading detects the format from the file's first bytes and
/// returns the native element type and channel count (interleaved, RGBA order). Writing picks the format from
/// the extension and is atomic. Every problem with a file is an <see cref="ImageFileException"/> whose message
/// starts with the path; an image a format cannot hold is an <see cref="InputException"/>.
/// </summary>
/// <remarks>
/// What each format holds: PNG 8- and 16-bit, 1-4 channels (written by our own deterministic encoder, read by
/// SkiaSharp for 8 bits and by our own decoder for 16 bits and for grey+alpha); JPEG 8-bit grey or RGB
/// (SkiaSharp); BMP 8-bit, read grey/RGB/RGBA, written grey (palette) or RGB (24-bit); TIFF byte, ushort,
/// float and int samples, 1-4 channels, several pages (LibTiff.NET).
/// </remarks>
public static class ImageFile
{
    private const string StreamName = "(stream)";

    /// <summary>
    /// The format named by the extension of <paramref name="path"/>: .png, .jpg/.jpeg, .bmp or .tif/.tiff (any
    /// case). Other extensions throw <see cref="InputException"/> listing these.
    /// </summary>
    public static ImageFormat FormatFromExtension(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".png" => ImageFormat.Png,
            ".jpg" or ".jpeg" => ImageFormat.Jpeg,
            ".bmp" => ImageFormat.Bmp,
            ".tif" or ".tiff" => ImageFormat.Tiff,
            var other => throw new InputException(
                $"{path}: the extension '{other}' is not a supported image format; use .png, .jpg, .jpeg, .bmp, .tif or .tiff."),
        };
    }

    /// <summary>Reads the image (the first page of a TIFF) in its native element type and channel count.</summary>
    public static IImage Read(string path) => ImageDecoder.Decode(ReadAllBytes(path), path, allPages: false)[0];

    /// <summary>Reads an image from <paramref name="stream"/>; the format comes from its first bytes and <paramref name="name"/> names it in errors.</summary>
    public static IImage Read(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return ImageDecoder.Decode(buffer.ToArray(), name, allPages: false)[0];
    }

    /// <summary>Every page of a TIFF file in order; for other formats a list holding the one image.</summary>
    public static IReadOnlyList<IImage> ReadPages(string path) => ImageDecoder.Decode(ReadAllBytes(path), path, allPages: true);

    /// <summary>
    /// Reads an image whose samples must be of type <typeparamref name="T"/> (byte, ushort, float or int); a file
    /// holding another type throws <see cref="ImageFileException"/> naming both types.
    /// </summary>
    public static Image<T> Read<T>(string path) where T : unmanaged
    {
        PixelType requested = PixelTypes.Of<T>();
        IImage image = Read(path);
        return image as Image<T> ?? throw new ImageFileException(path,
            $"holds {image.PixelType} samples ({image.Width}x{image.Height}x{image.Channels}) but {requested} ({typeof(T).Name}) was requested; read it as Image<{ClrName(image.PixelType)}> or call ImageFile.Read and convert.");
    }

    /// <summary>
    /// Writes <paramref name="image"/> to <paramref name="path"/> in the format named by its extension, atomically
    /// (a temporary file renamed into place). Throws <see cref="InputException"/> if the folder does not exist or
    /// the format cannot hold the image's element type or channel count.
    /// </summary>
    public static void Write(string path, IImage image, ImageWriteOptions? options = null) =>
        WritePagesTo(path, FormatFromExtension(path), [image], options);

    /// <summary>Writes <paramref name="image"/> to <paramref name="stream"/> as <paramref name="format"/>.</summary>
    public static void Write(Stream stream, ImageFormat format, IImage image, ImageWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ImageEncoder.Encode(stream, format, [image], options ?? ImageWriteOptions.Default, StreamName);
    }

    /// <summary>
    /// Writes <paramref name="pages"/> as one multi-page TIFF, atomically. A path that is not .tif/.tiff throws
    /// <see cref="InputException"/>; pages may differ in size, element type and channel count.
    /// </summary>
    public static void WritePages(string path, IReadOnlyList<IImage> pages, ImageWriteOptions? options = null)
    {
        ImageFormat format = FormatFromExtension(path);
        if (format != ImageFormat.Tiff)
        {
            throw new InputException($"{path}: only TIFF holds several pages; use a .tif or .tiff path, or write each page to its own file.");
        }
        WritePagesTo(path, format, pages, options);
    }

    private static void WritePagesTo(string path, ImageFormat format, IReadOnlyList<IImage> pages, ImageWriteOptions? options)
    {
        ImageEncoder.Check(format, pages, path);
        AtomicFile.Write(path, stream => ImageEncoder.Encode(stream, format, pages, options ?? ImageWriteOptions.Default, path));
    }

    private static byte[] ReadAllBytes(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path)) throw new ImageFileException(path, "is a folder, not an image file.");
        if (!File.Exists(path)) throw new ImageFileException(path, "file not found; check the path and the current folder.");
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImageFileException(path, $"cannot be read ({e.Message}).", e);
        }
    }

    private static string ClrName(PixelType type) => type switch
    {
        PixelType.UInt8 => "byte",
        PixelType.UInt16 => "ushort",
        PixelType.Float32 => "float",
        _ => "int",
    };
}
