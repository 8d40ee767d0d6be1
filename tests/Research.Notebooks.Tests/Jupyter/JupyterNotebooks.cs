using System.Diagnostics;
using System.Text.Json.Nodes;
using Research.Notebooks.Setup;
using Research.Tests.TestSupport;

namespace Research.Notebooks.Tests.Jupyter;

/// <summary>What one notebook did in Jupyter (a line of execute_notebooks.py).</summary>
public sealed record JupyterRun(string Name, double Seconds, bool Injected, string? Failed, IReadOnlyList<string> Errors, int Figures, int Images);

/// <summary>
/// Runs `research notebooks setup` (through the library: builds notebooks/.lib when the sources changed, installs the
/// kernel tool and registers .net-csharp when missing), then executes every notebook in quick mode through the Jupyter
/// protocol with Debian's python3-nbclient and the installed .net-csharp kernel (execute_notebooks.py).
/// </summary>
public sealed class JupyterNotebooks : IDisposable
{
    public const string Python = "/usr/bin/python3";

    public JupyterNotebooks()
    {
        if (!File.Exists(Python)) Assert.Fail($"{Python} is missing: apt-get install python3-nbclient python3-nbformat jupyter-notebook.");
        NotebookSetup.Run(new NotebookSetupOptions { RepositoryRoot = Repository.Root() }, _ => { });
        Notebooks = [.. Directory.EnumerateFiles(Repository.PathOf("notebooks"), "*.ipynb", SearchOption.AllDirectories)
            .Where(p => !p.Contains(".ipynb_checkpoints", StringComparison.Ordinal) && !p.Contains("/.lib", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Repository.PathOf("tests/Research.Notebooks.Tests/Jupyter/execute_notebooks.py"));
        start.ArgumentList.Add(Executed);
        foreach (string notebook in Notebooks) start.ArgumentList.Add(notebook);
        start.Environment["RESEARCH_NOTEBOOK_WORK"] = Path.Combine(Folder, "work");
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Runs = [.. stdout.Split('\n').Where(l => l.StartsWith("{\"name\"", StringComparison.Ordinal)).Select(Parse)];
        if (process.ExitCode != 0 || Runs.Count != Notebooks.Count)
        {
            Assert.Fail($"execute_notebooks.py failed (exit {process.ExitCode}, {Runs.Count} of {Notebooks.Count} notebooks reported; python3-nbclient installed?): {Tail(stderr.Result)}");
        }
    }

    public string Folder { get; } = Directory.CreateTempSubdirectory("research-jupyter-").FullName;

    public string Executed => Path.Combine(Folder, "executed");

    public IReadOnlyList<string> Notebooks { get; }

    public IReadOnlyList<JupyterRun> Runs { get; }

    public JupyterRun Of(string name) => Runs.Single(r => r.Name == name);

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static JupyterRun Parse(string line)
    {
        var json = JsonNode.Parse(line)!;
        return new JupyterRun((string)json["name"]!, (double)json["seconds"]!, (bool)json["injected"]!, (string?)json["failed"],
            [.. json["errors"]!.AsArray().Select(e => (string)e!)], (int)json["figures"]!, (int)json["images"]!);
    }

    private static string Tail(string text) => string.Join('\n', text.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("info:", StringComparison.Ordinal) && !l.StartsWith("      ", StringComparison.Ordinal)).TakeLast(15));
}
