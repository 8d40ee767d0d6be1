namespace Research.Encodings;

/// <summary>Options of <see cref="CocoExport"/>.</summary>
public sealed record CocoExportOptions
{
    /// <summary>The one category every object gets.</summary>
    /// <value>The default value is "nucleus".</value>
    public string CategoryName { get; init; } = "nucleus";

    /// <summary>The category's supercategory.</summary>
    /// <value>The default value is "cell".</value>
    public string Supercategory { get; init; } = "cell";

    /// <summary>The category's id.</summary>
    /// <value>The default value is 1.</value>
    public int CategoryId { get; init; } = 1;

    /// <summary>The default options.</summary>
    public static CocoExportOptions Default { get; } = new();
}
