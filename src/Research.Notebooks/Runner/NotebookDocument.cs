using System.Text.Json;
using System.Text.Json.Nodes;

namespace Research.Notebooks.Runner;

/// <summary>The kind of a notebook cell.</summary>
public enum CellKind
{
    /// <summary>Code to execute.</summary>
    Code,
    /// <summary>Markdown text, kept as it is.</summary>
    Markdown,
    /// <summary>Raw text, kept as it is.</summary>
    Raw,
}

/// <summary>One cell of a notebook: its JSON (metadata kept as read) and its source as one string.</summary>
/// <param name="Number">1-based position among all cells of the notebook (the number used in messages).</param>
/// <param name="Kind">Code, markdown or raw.</param>
/// <param name="Source">The cell's text.</param>
/// <param name="Json">The cell's JSON object as read (metadata, id ...).</param>
public sealed record NotebookCell(int Number, CellKind Kind, string Source, JsonObject Json)
{
    /// <summary>The cell's tags (<c>metadata.tags</c>).</summary>
    public IReadOnlyList<string> Tags =>
        Json["metadata"]?["tags"] is JsonArray tags ? [.. tags.Select(t => t?.GetValue<string>() ?? "")] : [];

    /// <summary>The first non-empty line of the source, for messages.</summary>
    public string FirstLine => Source.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "(empty)";
}

/// <summary>A parsed .ipynb file (nbformat 4): its top-level JSON and its cells.</summary>
/// <param name="Path">The file it was read from.</param>
/// <param name="Json">The whole document.</param>
/// <param name="Cells">The cells in order.</param>
public sealed record NotebookDocument(string Path, JsonObject Json, IReadOnlyList<NotebookCell> Cells)
{
    /// <summary>Reads and checks a notebook; anything that is not nbformat 4 JSON throws <see cref="InputException"/> naming the file.</summary>
    public static NotebookDocument Read(string path)
    {
        if (!File.Exists(path)) throw new InputException($"{path}: notebook not found.");
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses notebook JSON; <paramref name="path"/> names it in errors.</summary>
    public static NotebookDocument Parse(string json, string path)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException e)
        {
            throw new InputException($"{path}: not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {e.Message} A notebook is an nbformat 4 .ipynb file.", e);
        }
        if (root is not JsonObject doc) throw new InputException($"{path}: not a notebook: the JSON is not an object with nbformat and cells.");
        if (doc["nbformat"] is not JsonValue v || !v.TryGetValue(out int major) || major != 4)
        {
            throw new InputException($"{path}: not an nbformat 4 notebook: 'nbformat' is {doc["nbformat"]?.ToJsonString() ?? "missing"}; expected 4.");
        }
        if (doc["cells"] is not JsonArray cells) throw new InputException($"{path}: not an nbformat 4 notebook: 'cells' is missing or not a list.");
        var list = new List<NotebookCell>();
        for (int i = 0; i < cells.Count; i++)
        {
            if (cells[i] is not JsonObject cell) throw new InputException($"{path}: cell {i + 1} is not a JSON object.");
            list.Add(new NotebookCell(i + 1, KindOf(cell, path, i + 1), SourceText(cell["source"], path, i + 1), cell));
        }
        return new NotebookDocument(path, doc, list);
    }

    /// <summary>The file name without extension.</summary>
    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);

    private static CellKind KindOf(JsonObject cell, string path, int number) => cell["cell_type"]?.GetValue<string>() switch
    {
        "code" => CellKind.Code,
        "markdown" => CellKind.Markdown,
        "raw" => CellKind.Raw,
        var other => throw new InputException($"{path}: cell {number} has cell_type '{other ?? "(missing)"}'; expected code, markdown or raw."),
    };

    private static string SourceText(JsonNode? source, string path, int number) => source switch
    {
        null => "",
        JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>() ?? "")),
        JsonValue text when text.TryGetValue(out string? s) => s,
        _ => throw new InputException($"{path}: cell {number}: 'source' must be a string or a list of strings."),
    };

    /// <summary>Splits text into nbformat's list of lines (each but the last keeps its newline).</summary>
    public static JsonArray Lines(string text)
    {
        var array = new JsonArray();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] != '\n') continue;
            array.Add(text[start..(i + 1)]);
            start = i + 1;
        }
        if (start < text.Length) array.Add(text[start..]);
        return array;
    }
}
