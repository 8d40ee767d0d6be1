namespace Research.Datasheets;

/// <summary>A table of the datasheet, rendered as Markdown or HTML; cells are plain text.</summary>
/// <param name="Caption">What the table shows.</param>
/// <param name="Headers">Column headings.</param>
/// <param name="Rows">Rows of cells (as many as headings).</param>
/// <param name="Note">A sentence under the table (definitions, what was left out), or empty.</param>
public sealed record DatasheetTable(string Caption, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows, string Note = "");
