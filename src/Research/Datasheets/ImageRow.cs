namespace Research.Datasheets;

/// <summary>
/// What was measured on one image (one row of <c>per_image.csv</c>). Intensities are in the file's own units; the
/// median is of the grey value (channel 0 for grey images, the mean of R, G and B for colour ones).
/// </summary>
public sealed record ImageRow
{
    /// <summary>Sample id.</summary>
    public string Id { get; init; } = "";

    /// <summary>Split name (or the root's folder name when the manifest has no matching split).</summary>
    public string Split { get; init; } = "";

    /// <summary>The image file, relative to the dataset root given.</summary>
    public string File { get; init; } = "";

    /// <summary>Whether the image could be read; when false the measurements are zero.</summary>
    public bool Readable { get; init; }

    /// <summary>Width in pixels.</summary>
    public int Width { get; init; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; init; }

    /// <summary>Channels stored.</summary>
    public int Channels { get; init; }

    /// <summary>Bits per channel value (8, 16, 32).</summary>
    public int BitDepth { get; init; }

    /// <summary>Colour mode of the file.</summary>
    public ColourMode Mode { get; init; }

    /// <summary>Modality group (see <see cref="ModalityRule"/>).</summary>
    public ImageGroup Group { get; init; }

    /// <summary>Mean grey value.</summary>
    public double MeanIntensity { get; init; }

    /// <summary>Median grey value.</summary>
    public double MedianIntensity { get; init; }

    /// <summary>Whether the image has truth files.</summary>
    public bool HasTruth { get; init; }

    /// <summary>Objects (instance masks or labels); 0 for semantic masks.</summary>
    public int Objects { get; init; }

    /// <summary>Mean object area in pixels (NaN without objects).</summary>
    public double MeanObjectArea { get; init; }

    /// <summary>Fraction of the image's pixels inside an object or a non-background class.</summary>
    public double ForegroundFraction { get; init; }

    /// <summary>Object masks without a foreground pixel.</summary>
    public int EmptyMasks { get; init; }

    /// <summary>Pixels claimed by more than one object mask.</summary>
    public long OverlappingPixels { get; init; }

    /// <summary>Truth files whose size differs from the image's.</summary>
    public int WrongSizeMasks { get; init; }

    /// <summary>Files of this sample that could not be read.</summary>
    public int UnreadableFiles { get; init; }

    /// <summary>Lower-case hexadecimal SHA-256 of the image file.</summary>
    public string Sha256 { get; init; } = "";

    /// <summary>SHA-256 of the decoded pixels with width, height and channels (equal for identical images in any encoding).</summary>
    public string PixelHash { get; init; } = "";
}
