namespace Research.Datasets.Manifests;

/// <summary>
/// The file layout of a split: the layout kind and its path patterns, relative to the split folder. Patterns are
/// folder paths that may hold <c>{id}</c> (the sample id) and <c>{seq}</c> (a CTC sequence such as <c>01</c>); they
/// never contain <c>..</c> or start at the file-system root. Unset patterns take the layout kind's defaults.
/// </summary>
public sealed record LayoutSpec
{
    /// <summary>The layout kind, which picks the reader.</summary>
    public LayoutKind Kind { get; init; }

    /// <summary>Folder pattern of the images.</summary>
    /// <value>The default value is the kind's own (<c>{id}/images</c>, <c>{seq}</c>, <c>images</c>, <c>.</c>).</value>
    public string? Images { get; init; }

    /// <summary>Folder pattern of the masks or gold segmentation truth.</summary>
    /// <value>The default value is the kind's own (<c>{id}/masks</c>, <c>{seq}_GT/SEG</c>, <c>masks</c>, <c>labels</c>).</value>
    public string? Masks { get; init; }

    /// <summary>CTC only: folder pattern of the silver segmentation truth.</summary>
    /// <value>The default value is <c>{seq}_ST/SEG</c>.</value>
    public string? SilverMasks { get; init; }

    /// <summary>CTC only: folder pattern of the tracking markers and <c>man_track.txt</c>.</summary>
    /// <value>The default value is <c>{seq}_GT/TRA</c>.</value>
    public string? Tracking { get; init; }

    /// <summary>rle-csv only: the CSV file, relative to the split folder.</summary>
    public string? Csv { get; init; }

    /// <summary>File extensions of images (lower-case, with the dot).</summary>
    /// <value>The default value is <c>.png .tif .tiff .jpg .jpeg .bmp .gif</c>.</value>
    public IReadOnlyList<string> ImageExtensions { get; init; } = [];

    /// <summary>paired-folders: suffixes added to an image's stem to name its mask, tried in order (e.g. <c>_mask</c>, <c>_LI</c>; empty for equal names).</summary>
    /// <value>The default value is the empty suffix only.</value>
    public IReadOnlyList<string> MaskSuffixes { get; init; } = [];

    /// <summary>
    /// paired-folders: files whose stem ends with one of these are neither images nor masks and are skipped (e.g.
    /// <c>_2ndHO</c>, CHASE_DB1's second-observer maps, which share the folder with the images and the first observer's).
    /// </summary>
    /// <value>The default value is none.</value>
    public IReadOnlyList<string> IgnoreSuffixes { get; init; } = [];

    /// <summary>All path patterns with their manifest keys, for checking.</summary>
    public IEnumerable<(string Key, string Pattern)> Patterns()
    {
        if (Images is not null) yield return ("layout.images", Images);
        if (Masks is not null) yield return ("layout.masks", Masks);
        if (SilverMasks is not null) yield return ("layout.silver_masks", SilverMasks);
        if (Tracking is not null) yield return ("layout.tracking", Tracking);
        if (Csv is not null) yield return ("layout.csv", Csv);
    }
}

/// <summary>How masks encode the truth.</summary>
public sealed record MaskSpec
{
    /// <summary>The encoding.</summary>
    public MaskEncoding Encoding { get; init; }

    /// <summary>Mask value to class name (e.g. <c>0: background</c>, <c>255: nucleus</c>); the only values masks may hold, except for instance labels.</summary>
    public IReadOnlyDictionary<int, string> ClassMap { get; init; } = new Dictionary<int, string>();

    /// <summary>Binary masks: values at or above this are foreground (JPEG masks are not exactly 0/255).</summary>
    /// <value>The default value is 128.</value>
    public int Threshold { get; init; } = 128;

    /// <summary>Storage format and bit depth in words, e.g. <c>8-bit grey PNG, values 0 and 255</c>.</summary>
    public string Format { get; init; } = "";
}

/// <summary>How to obtain a dataset: direct downloads (each with the page that documents it) and/or manual steps.</summary>
public sealed record ObtainSpec
{
    /// <summary>Direct downloads, fetched in order.</summary>
    public IReadOnlyList<DirectDownload> Direct { get; init; } = [];

    /// <summary>Manual steps, in order (log in to Kaggle, fill in a request form, accept the terms, ...).</summary>
    public IReadOnlyList<string> Manual { get; init; } = [];

    /// <summary>
    /// A file beside the manifest in <c>sha256sum</c> format (digest, two spaces, path relative to the dataset root)
    /// listing files the project knows; <c>fetch</c> checks every listed file it finds after unpacking.
    /// </summary>
    public string? ContentSha256 { get; init; }
}

/// <summary>
/// A file that may be downloaded directly, from the page that documents it. An archive (<c>.zip</c>, <c>.tar.gz</c>,
/// <c>.tgz</c>, <c>.tar</c>) is unpacked: the folder <see cref="From"/> of the archive goes to the folder
/// <see cref="To"/> of the dataset root; any other file is copied to <see cref="To"/>.
/// </summary>
public sealed record DirectDownload
{
    /// <summary>The URL.</summary>
    public string Url { get; init; } = "";

    /// <summary>The page that documents the URL (so a reader can check it).</summary>
    public string Page { get; init; } = "";

    /// <summary>File name the download is kept under (in <c>DIR/.downloads</c>).</summary>
    public string File { get; init; } = "";

    /// <summary>Lower-case hexadecimal SHA-256 where the source publishes one (or it is otherwise sourced); empty when unknown.</summary>
    public string Sha256 { get; init; } = "";

    /// <summary>Exact size in bytes, where published; checked after the download.</summary>
    public long? Bytes { get; init; }

    /// <summary>Approximate size as the page states it, in MB (informational).</summary>
    public double? SizeMb { get; init; }

    /// <summary>
    /// Archives: the folder inside the archive to take; <c>*</c> for its lone top folder whatever its name (its root
    /// when it holds more). Unset: the archive's root, or its lone top folder when that is named like the last segment
    /// of <see cref="To"/> (so a wrapper is never doubled).
    /// </summary>
    public string? From { get; init; }

    /// <summary>
    /// A Kaggle RLE CSV (with Height and Width) of a kaggle-dsb dataset: the split folder, relative to the dataset root,
    /// whose images get one PNG per row (<see cref="Download.RleObjectMasks"/>); list it after that split's archive.
    /// </summary>
    public string? RleMasksInto { get; init; }

    /// <summary>Archives: the folder of the dataset root that receives the content; other files: their path under the root.</summary>
    /// <value>The default value is <c>.</c> (archives) or <see cref="File"/> (other files).</value>
    public string? To { get; init; }
}
