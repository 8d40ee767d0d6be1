namespace Research.Datasheets;

/// <summary>Options of <see cref="DatasheetWriter.Write"/>.</summary>
public sealed record DatasheetOptions
{
    /// <summary>The local copy to measure (a dataset root or one split's folder); null writes the datasheet from the manifest alone.</summary>
    /// <value>The default value is null.</value>
    public string? Root { get; init; }

    /// <summary>The manifest split to measure (see <see cref="CompositionOptions.Split"/>).</summary>
    /// <value>The default value is null.</value>
    public string? Split { get; init; }

    /// <summary>A <c>research measure</c> run's <c>rois.jsonld</c> to link from croissant.json (by relative path and SHA-256), or null.</summary>
    public string? Rois { get; init; }

    /// <summary>Replace the output folder when it exists and is not empty.</summary>
    /// <value>The default value is false.</value>
    public bool Force { get; init; }

    /// <summary>Samples measured at once.</summary>
    /// <value>The default value is <see cref="Environment.ProcessorCount"/>.</value>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Example images in the HTML grid (spread over the modality groups).</summary>
    /// <value>The default value is 6.</value>
    public int ExampleImages { get; init; } = 6;

    /// <summary>The date written into the datasheet and Croissant's <c>dateCreated</c>; null means now.</summary>
    /// <value>The default value is null.</value>
    public DateTimeOffset? Generated { get; init; }
}

/// <summary>What <see cref="DatasheetWriter.Write"/> wrote.</summary>
/// <param name="Folder">The output folder.</param>
/// <param name="Composition">The measured composition (<see cref="Composition.NotMeasured"/> without data).</param>
/// <param name="Stats">The headline numbers, or null without data.</param>
/// <param name="Files">The files written, relative to <paramref name="Folder"/>.</param>
public sealed record DatasheetResult(string Folder, Composition Composition, DatasheetStats? Stats, IReadOnlyList<string> Files)
{
    /// <summary>Files that could not be read (each is also listed in the datasheet's problems).</summary>
    public int UnreadableFiles => Composition.Problems.Count(p => p.Kind == Datasets.Validation.ProblemKind.Unreadable);
}
