namespace Research.Datasheets;

/// <summary>Options of <see cref="CompositionAnalyzer.Analyze"/>.</summary>
public sealed record CompositionOptions
{
    /// <summary>The manifest split to measure; null measures the split whose folder the root is, else every split whose folder exists under the root, else the root itself.</summary>
    /// <value>The default value is null.</value>
    public string? Split { get; init; }

    /// <summary>Samples measured at once.</summary>
    /// <value>The default value is <see cref="Environment.ProcessorCount"/>.</value>
    public int Parallelism { get; init; } = Environment.ProcessorCount;
}
