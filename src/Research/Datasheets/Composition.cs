using Research.Datasets.Validation;

namespace Research.Datasheets;

/// <summary>The images, annotated images and objects found in one split.</summary>
/// <param name="Name">Split name.</param>
/// <param name="Folder">The folder measured.</param>
/// <param name="Images">Images listed by the layout reader.</param>
/// <param name="Annotated">Images with truth files.</param>
/// <param name="Objects">Objects in the truth.</param>
public sealed record SplitCount(string Name, string Folder, int Images, int Annotated, int Objects);

/// <summary>
/// The measured composition of a local copy: per-image rows, every object's area and shape, dataset-wide histograms,
/// the problems found, and the SHA-256 of every file read. <see cref="Measured"/> is false when no data was given;
/// then everything else is empty.
/// </summary>
public sealed record Composition
{
    /// <summary>Whether data were measured (false when the datasheet is written from the manifest alone).</summary>
    public bool Measured { get; init; }

    /// <summary>The root given.</summary>
    public string Root { get; init; } = "";

    /// <summary>Counts per split measured.</summary>
    public IReadOnlyList<SplitCount> Splits { get; init; } = [];

    /// <summary>One row per image, in split then id order.</summary>
    public IReadOnlyList<ImageRow> Rows { get; init; } = [];

    /// <summary>Every object's area and shape.</summary>
    public IReadOnlyList<ObjectShape> Objects { get; init; } = [];

    /// <summary>Objects per image, aligned with <see cref="Rows"/>.</summary>
    public IReadOnlyList<int> ObjectsPerImage => [.. Rows.Select(r => r.Objects)];

    /// <summary>Dataset-wide histograms and class counts.</summary>
    public CompositionAccumulator Totals { get; init; } = new();

    /// <summary>Problems found, sorted by kind then path.</summary>
    public IReadOnlyList<DatasetProblem> Problems { get; init; } = [];

    /// <summary>SHA-256 of every file read, by path relative to <see cref="Root"/> ('/'-separated), sorted.</summary>
    public IReadOnlyDictionary<string, string> Hashes { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Groups of image ids with equal pixels (each group of two or more, in id order).</summary>
    public IReadOnlyList<IReadOnlyList<string>> DuplicateGroups { get; init; } = [];

    /// <summary>Seconds spent measuring.</summary>
    public double Seconds { get; init; }

    /// <summary>The composition of a datasheet written without data.</summary>
    public static Composition NotMeasured { get; } = new();
}
