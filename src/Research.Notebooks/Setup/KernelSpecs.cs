using System.Text.Json.Nodes;
using Research.IO;

namespace Research.Notebooks.Setup;

/// <summary>
/// The <c>.net-csharp</c> Jupyter kernelspec. <c>dotnet interactive jupyter install</c> writes it with the command
/// <c>dotnet interactive jupyter ...</c>, which only starts when <c>~/.dotnet/tools</c> is on the PATH of whatever
/// started Jupyter; the set-up points it at the tool's launcher by its absolute path instead, so Jupyter, nbclient
/// and VS Code start it from any shell.
/// </summary>
public static class KernelSpecs
{
    /// <summary>The kernelspec the notebooks name.</summary>
    public const string CSharp = ".net-csharp";

    /// <summary>The kernelspecs the tool installs (C#, F#, PowerShell).</summary>
    public static readonly IReadOnlyList<string> Installed = [".net-csharp", ".net-fsharp", ".net-powershell"];

    /// <summary>The kernel.json of <paramref name="name"/> in <paramref name="kernelsFolder"/>.</summary>
    public static string KernelJson(string kernelsFolder, string name = CSharp) => Path.Combine(kernelsFolder, name, "kernel.json");

    /// <summary>
    /// Jupyter's data folder from the output of <c>jupyter --data-dir</c>: its last line that is an absolute path (warnings
    /// that Jupyter prints to standard error arrive in the same text), or null when there is none.
    /// </summary>
    public static string? DataFolder(string output) =>
        (output ?? "").Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0 && Path.IsPathRooted(l));

    /// <summary>
    /// Null when <c>.net-csharp</c> is registered in <paramref name="kernelsFolder"/> and starts <paramref name="toolExecutable"/>;
    /// otherwise what is wrong.
    /// </summary>
    public static string? Problem(string kernelsFolder, string toolExecutable)
    {
        string path = KernelJson(kernelsFolder);
        if (!File.Exists(path)) return $"{CSharp} is not registered in {kernelsFolder}";
        try
        {
            var argv = JsonNode.Parse(File.ReadAllText(path))?["argv"] as JsonArray;
            string? first = argv?.FirstOrDefault()?.GetValue<string>();
            return first == toolExecutable ? null : $"{path} starts '{first}', not {toolExecutable}";
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            return $"{path} is not valid JSON ({e.Message})";
        }
    }

    /// <summary>
    /// Rewrites each kernel.json under <paramref name="kernelsFolder"/> that starts <c>dotnet interactive</c> to start
    /// <paramref name="toolExecutable"/> (same arguments); returns how many were rewritten.
    /// </summary>
    public static int PinToTool(string kernelsFolder, string toolExecutable)
    {
        int pinned = 0;
        foreach (string name in Installed)
        {
            string path = KernelJson(kernelsFolder, name);
            if (!File.Exists(path) || JsonNode.Parse(File.ReadAllText(path)) is not JsonObject spec || spec["argv"] is not JsonArray argv) continue;
            var args = argv.Select(a => a?.GetValue<string>() ?? "").ToList();
            if (args.Count >= 2 && args[0] == "dotnet" && args[1] == "interactive") args = [toolExecutable, .. args[2..]];
            else if (args.Count >= 1 && Path.GetFileName(args[0]) == "dotnet-interactive") args[0] = toolExecutable;
            else continue;
            spec["argv"] = new JsonArray([.. args.Select(a => (JsonNode?)a)]);
            AtomicFile.WriteAllText(path, spec.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");
            pinned++;
        }
        return pinned;
    }
}
