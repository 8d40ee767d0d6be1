namespace Research.Datasets.Validation;

/// <summary>The kinds of problem <c>validate</c> reports.</summary>
public enum ProblemKind
{
    /// <summary>An image without its masks (or its masks folder).</summary>
    MissingMasks,

    /// <summary>A mask without its image, or a folder without its image.</summary>
    MissingImage,

    /// <summary>A file that cannot be decoded (truncated, corrupt).</summary>
    Unreadable,

    /// <summary>A mask of another size than its image.</summary>
    SizeMismatch,

    /// <summary>Mask values outside the manifest's class map.</summary>
    UndeclaredValue,

    /// <summary>Instance masks of one image sharing pixels.</summary>
    Overlap,

    /// <summary>An object mask with no foreground pixel.</summary>
    EmptyMask,

    /// <summary>Image or object counts that differ from the manifest.</summary>
    CountMismatch,

    /// <summary>A file whose SHA-256 differs from the manifest's.</summary>
    ChecksumMismatch,

    /// <summary>A path that escapes the dataset root.</summary>
    UnsafePath,

    /// <summary>An image whose decoded pixels equal another image's (found by the datasheet's content hash).</summary>
    DuplicateImage,

    /// <summary>No image of the layout (or no split folder) where the dataset was looked for.</summary>
    NothingFound,
}

/// <summary>One problem found in a dataset copy.</summary>
/// <param name="Kind">What kind of problem.</param>
/// <param name="Path">The file or folder concerned.</param>
/// <param name="Message">What is wrong, with numbers (sizes, values, pixel counts).</param>
public sealed record DatasetProblem(ProblemKind Kind, string Path, string Message);
