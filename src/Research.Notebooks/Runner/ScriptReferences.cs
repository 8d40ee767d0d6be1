using System.Reflection;
using System.Text.RegularExpressions;

namespace Research.Notebooks.Runner;

/// <summary>
/// What a notebook may reference: the project's assemblies and the packages they use, all already loaded in the
/// runner. <c>#r "path/Research.Torch.dll"</c> is mapped by file name (the path is for Jupyter, where it points at the
/// build output); <c>#r "nuget: Microsoft.Data.Analysis, 0.23.1"</c> is mapped by package id. Anything else is an error naming it.
/// </summary>
public static partial class ScriptReferences
{
    /// <summary>The project's assemblies by file name.</summary>
    public static IReadOnlyDictionary<string, Assembly> Assemblies { get; } = new Dictionary<string, Assembly>(StringComparer.OrdinalIgnoreCase)
    {
        ["Research.Core.dll"] = typeof(InputException).Assembly,
        ["Research.Torch.dll"] = typeof(Research.Torch.Training.TrainingRun).Assembly,
        ["Research.Notebooks.dll"] = typeof(Kernel).Assembly,
    };

    /// <summary>The packages a <c>#r "nuget: ..."</c> line may name, by package id.</summary>
    public static IReadOnlyDictionary<string, Assembly> Packages { get; } = new Dictionary<string, Assembly>(StringComparer.OrdinalIgnoreCase)
    {
        ["Microsoft.Data.Analysis"] = typeof(Microsoft.Data.Analysis.DataFrame).Assembly,
        ["Microsoft.DotNet.Interactive.Formatting"] = typeof(Microsoft.DotNet.Interactive.Formatting.Formatter).Assembly,
        ["TorchSharp"] = typeof(TorchSharp.torch).Assembly,
    };

    /// <summary>Every assembly a script is compiled against besides the framework.</summary>
    public static IEnumerable<Assembly> All => Assemblies.Values.Concat(Packages.Values).Distinct();

    /// <summary>
    /// The cell's source with its <c>#r</c> lines resolved (replaced by empty lines so line numbers stay) and a leading
    /// <c>#!csharp</c> magic removed. Throws <see cref="InputException"/> for a reference the runner cannot provide.
    /// </summary>
    public static string Rewrite(string source, string where)
    {
        ArgumentNullException.ThrowIfNull(source);
        var lines = source.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line is "#!csharp" or "#!c#") { lines[i] = ""; continue; }
            var match = ReferenceLine().Match(line);
            if (!match.Success) continue;
            Check(match.Groups[1].Value.Trim(), where);
            lines[i] = "";
        }
        return string.Join('\n', lines);
    }

    private static void Check(string reference, string where)
    {
        if (reference.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase))
        {
            string id = reference[6..].Split(',')[0].Trim();
            if (Packages.ContainsKey(id)) return;
            throw new InputException($"{where}: #r \"{reference}\": the runner cannot fetch packages; it provides the project's own: {string.Join(", ", Packages.Keys)}.");
        }
        string name = Path.GetFileName(reference.Replace('\\', '/'));
        if (Assemblies.ContainsKey(name))
        {
            // The kernel loads the file itself, so a path that does not exist would fail there: fail here too.
            if (!File.Exists(reference))
            {
                throw new InputException($"{where}: #r \"{reference}\": no such file relative to the notebook's folder ({Directory.GetCurrentDirectory()}); build the solution first (dotnet build -c Release) or fix the path.");
            }
            return;
        }
        throw new InputException($"{where}: #r \"{reference}\": the runner loads only the project's assemblies ({string.Join(", ", Assemblies.Keys)}) and packages (#r \"nuget: ID\" with ID one of {string.Join(", ", Packages.Keys)}).");
    }

    [GeneratedRegex("^#r\\s+\"([^\"]+)\"\\s*$")]
    private static partial Regex ReferenceLine();
}
