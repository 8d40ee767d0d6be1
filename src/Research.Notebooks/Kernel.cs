using System.Reflection;
using System.Runtime.Loader;
using System.Net;
using Research.Notebooks.Display;

namespace Research.Notebooks;

/// <summary>What <see cref="Kernel.Setup"/> returns; its HTML confirms the set-up (and, in a live kernel, loads plotly.js).</summary>
/// <param name="Html">The HTML shown as the set-up cell's output.</param>
public sealed record KernelBanner(string Html);

/// <summary>
/// The entry point every notebook's first cell calls, identical in the .NET Interactive kernel and in the runner:
/// <c>Research.Notebooks.Kernel.Setup()</c> (as the cell's last expression, without a semicolon).
/// </summary>
public static class Kernel
{
    /// <summary>True while the headless runner executes a notebook (set by the runner).</summary>
    public static bool InRunner { get; internal set; }

    /// <summary>
    /// Registers the display formatters and returns a banner. In a live kernel the banner carries plotly.js (inlined,
    /// no network) and draws figures queued before it; in the runner plotly.js is left to the HTML exporter, which
    /// inlines it once per page.
    /// </summary>
    public static KernelBanner Setup()
    {
        ShareLoadedAssemblies();
        NotebookFormatters.Register();
        string version = typeof(Kernel).Assembly.GetName().Version?.ToString() ?? "?";
        string text = WebUtility.HtmlEncode($"Research {version} ready on .NET {Environment.Version}" +
            (InRunner ? " (headless runner)" : " (notebook kernel)"));
        return new KernelBanner(InRunner ? $"<p>{text}</p>" : $"{PlotlyLoader.ScriptElement()}<p>{text}</p>");
    }

    private static int _sharing;

    /// <summary>
    /// The .NET Interactive kernel (Roslyn scripting) loads every assembly into its own load context and resolves a
    /// reference by its exact version: TorchSharp.PyBridge 1.4.4, built against TorchSharp 0.103, then gets a second
    /// copy of TorchSharp 0.107 beside the one Research.Torch uses, whose types are not ours (a state dict read by
    /// PyBridge held "no tensors", <c>save_py</c> was "not found"). An unresolved reference to an assembly that is
    /// already loaded at an equal or higher version now resolves to that one, as .NET's default context would.
    /// </summary>
    private static void ShareLoadedAssemblies()
    {
        if (Interlocked.Exchange(ref _sharing, 1) == 1) return;
        static Assembly? Loaded(AssemblyName name) => AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => !a.IsDynamic && string.Equals(a.GetName().Name, name.Name, StringComparison.OrdinalIgnoreCase)
                        && (name.Version is null || a.GetName().Version >= name.Version))
            .OrderByDescending(a => a.GetName().Version)
            .FirstOrDefault();
        AssemblyLoadContext.Default.Resolving += (_, name) => Loaded(name);
        AppDomain.CurrentDomain.AssemblyResolve += (_, args) => Loaded(new AssemblyName(args.Name));
    }

    /// <summary>
    /// A fresh, empty folder for a notebook's files (training runs, predictions):
    /// <c>$RESEARCH_NOTEBOOK_WORK/name</c>, else <c>TEMP/research-notebooks/name</c>; an existing one is emptied first.
    /// </summary>
    public static string WorkFolder(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.IndexOfAny(['/', '\\']) >= 0 || name.Contains("..", StringComparison.Ordinal))
        {
            throw new InputException($"Work folder name '{name}' must be a plain folder name (no slashes, no ..).");
        }
        string root = Environment.GetEnvironmentVariable("RESEARCH_NOTEBOOK_WORK") is { Length: > 0 } r
            ? r : Path.Combine(Path.GetTempPath(), "research-notebooks");
        string folder = Path.GetFullPath(Path.Combine(root, name));
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);
        return folder;
    }
}
