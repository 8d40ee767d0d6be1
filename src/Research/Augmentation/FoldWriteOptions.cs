namespace Research.Augmentation;

/// <summary>What <see cref="FoldWriter.Write"/> reads and writes.</summary>
public sealed record FoldWriteOptions
{
    /// <summary>The image file (PNG, JPEG, BMP or TIFF; any bit depth).</summary>
    public required string ImagePath { get; init; }

    /// <summary>An optional mask or label image of the same size, given the identical folds.</summary>
    /// <value>The default value is null (no mask).</value>
    public string? MaskPath { get; init; }

    /// <summary>What values the mask may hold.</summary>
    /// <value>The default value is <see cref="MaskKind.Labels"/>.</value>
    public MaskKind MaskKind { get; init; } = MaskKind.Labels;

    /// <summary>The folds to write.</summary>
    /// <value>The default value is <see cref="AugmentationScheme.Fold113"/>.</value>
    public AugmentationScheme Scheme { get; init; } = AugmentationScheme.Fold113;

    /// <summary>The output folder (appears only when complete).</summary>
    public required string OutputFolder { get; init; }

    /// <summary>Replace a non-empty output folder.</summary>
    /// <value>The default value is false.</value>
    public bool Force { get; init; }
}
