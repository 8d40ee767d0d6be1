using Research.Torch.Diagnostics;

namespace Research.Notebooks.Setup;

/// <summary>
/// The notebook part of <c>research doctor</c>: Jupyter, the kernel tool, the <c>.net-csharp</c> kernelspec and the
/// library the notebooks reference (<c>notebooks/.lib</c>). All optional: the core works without them. Each failure's
/// fix is <c>research notebooks setup</c> (after installing Jupyter where it is missing).
/// </summary>
public static class NotebookChecks
{
    private const string Fix = "research notebooks setup";

    /// <summary>The checks; an empty <see cref="NotebookSetupOptions.RepositoryRoot"/> (outside a clone) leaves the library unchecked.</summary>
    public static IReadOnlyList<DoctorCheck> Run(NotebookSetupOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var checks = new List<DoctorCheck>();
        string? jupyter = options.Find("jupyter");
        var dataDir = jupyter is null ? null : ExternalCommand.Run(jupyter, ["--data-dir"]);
        checks.Add(jupyter is null
            ? new("Jupyter", false, CheckStatus.Warning, "jupyter not found (needed to open notebooks)", "apt-get install jupyter-notebook, then " + Fix)
            : new("Jupyter", false, CheckStatus.Ok, jupyter));

        string tool = KernelTool.Executable(options.ToolsFolder);
        string? version = KernelTool.InstalledVersion(options.ToolsFolder);
        checks.Add(version == KernelTool.Version
            ? new("Kernel tool", false, CheckStatus.Ok, $"{KernelTool.PackageId} {version} ({tool})")
            : new("Kernel tool", false, CheckStatus.Warning,
                version is null ? $"{KernelTool.PackageId} not installed" : $"{KernelTool.PackageId} {version}, notebooks need {KernelTool.Version}", Fix));

        if (dataDir is { ExitCode: 0 } d && KernelSpecs.DataFolder(d.Output) is { } data)
        {
            string kernels = Path.Combine(data, "kernels");
            string? problem = KernelSpecs.Problem(kernels, tool);
            checks.Add(problem is null
                ? new("Kernelspec", false, CheckStatus.Ok, $"{KernelSpecs.CSharp} in {kernels}")
                : new("Kernelspec", false, CheckStatus.Warning, problem, Fix));
        }
        else
        {
            checks.Add(new("Kernelspec", false, CheckStatus.Warning, "not checked: jupyter is missing or failed", "apt-get install jupyter-notebook, then " + Fix));
        }

        string? library = options.RepositoryRoot.Length == 0 ? "not checked: not inside a clone of the repository" : NotebookLibrary.Problem(options.RepositoryRoot);
        checks.Add(library is null
            ? new("Notebook references", false, CheckStatus.Ok, $"{NotebookLibrary.Folder(options.RepositoryRoot)} matches the sources")
            : new("Notebook references", false, CheckStatus.Warning, library, Fix));
        return checks;
    }
}
