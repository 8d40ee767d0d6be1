using System.Text.Json.Nodes;

namespace Research.Notebooks.Runner;

/// <summary>Which kernel language a Polyglot code cell is written in (cell metadata or a leading <c>#!</c> magic).</summary>
public static class CellLanguage
{
    private static readonly HashSet<string> CSharpNames = new(StringComparer.OrdinalIgnoreCase) { "csharp", "c#", "cs" };

    /// <summary>
    /// The cell's language: <c>metadata.polyglot_notebook.kernelName</c>, else <c>metadata.dotnet_interactive.language</c>,
    /// else a first line <c>#!name</c>, else "csharp".
    /// </summary>
    public static string Of(NotebookCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var metadata = cell.Json["metadata"] as JsonObject;
        string? name = (metadata?["polyglot_notebook"]?["kernelName"] as JsonValue)?.GetValue<string>()
            ?? (metadata?["dotnet_interactive"]?["language"] as JsonValue)?.GetValue<string>();
        if (name is not null) return name;
        string first = cell.Source.TrimStart().Split('\n')[0].Trim();
        return first.StartsWith("#!", StringComparison.Ordinal) && first.Length > 2 && IsKernelMagic(first[2..]) ? first[2..] : "csharp";
    }

    /// <summary>Whether <paramref name="language"/> names C#.</summary>
    public static bool IsCSharp(string language) => CSharpNames.Contains(language);

    private static bool IsKernelMagic(string name) =>
        name is "csharp" or "c#" or "fsharp" or "f#" or "pwsh" or "powershell" or "javascript" or "js" or "html" or "markdown" or "sql" or "kql" or "mermaid" or "value" or "python";
}
