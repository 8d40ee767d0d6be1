namespace Research.Imaging.Codecs;

/// <summary>Options for <see cref="ImageFile.Write(string, IImage, ImageWriteOptions?)"/>; each applies to one format only.</summary>
public sealed record ImageWriteOptions
{
    private readonly int _jpegQuality = 95;

    /// <summary>JPEG quality, 1 (smallest, worst) to 100 (largest, best); other values throw <see cref="InputException"/>.</summary>
    /// <value>The default value is 95.</value>
    public int JpegQuality
    {
        get => _jpegQuality;
        init => _jpegQuality = value is >= 1 and <= 100
            ? value
            : throw new InputException($"JPEG quality must be 1 to 100, got {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
    }

    /// <summary>Compression of TIFF pages.</summary>
    /// <value>The default value is <see cref="Codecs.TiffCompression.Deflate"/>.</value>
    public TiffCompression TiffCompression { get; init; } = TiffCompression.Deflate;

    /// <summary>The default options (JPEG quality 95, TIFF Deflate compression).</summary>
    public static ImageWriteOptions Default { get; } = new();
}
