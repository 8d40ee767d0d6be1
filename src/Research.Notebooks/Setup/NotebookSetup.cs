using Research.Torch.Diagnostics;

namespace Research.Notebooks.Setup;

/// <summary>
/// <c>research notebooks setup</c>: makes this machine able to run the notebooks in Jupyter. It first checks the
/// prerequisites (the .NET SDK with <c>dotnet tool</c>, and <c>jupyter</c>), changing nothing when one is missing; then
/// it builds <c>notebooks/.lib</c> (<see cref="NotebookLibrary"/>) when missing or out of date, installs the kernel
/// tool (<see cref="KernelTool"/>) when missing or of another version, and registers the <c>.net-csharp</c>
/// kernelspec (<see cref="KernelSpecs"/>) when absent or not starting that tool. Each step that acts reports one
/// line; when everything is in place nothing is reported. Each step leaves the old state or the new one, never half.
/// </summary>
public static class NotebookSetup
{
    /// <summary>Runs the set-up; <paramref name="report"/> receives one line per action taken. Throws <see cref="NotebookSetupException"/>.</summary>
    public static void Run(NotebookSetupOptions options, Action<string> report)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(report);
        string dotnet = options.Find("dotnet") ?? throw new NotebookSetupException(
            "dotnet is not on the PATH: install the .NET 10 SDK (https://dotnet.microsoft.com/download), then run `research notebooks setup` again.");
        var sdks = ExternalCommand.Run(dotnet, ["--list-sdks"]);
        if (sdks is not { ExitCode: 0 } s || !s.Output.Split('\n').Any(l => l.StartsWith("10.", StringComparison.Ordinal)))
        {
            throw new NotebookSetupException(
                "the .NET 10 SDK is not installed (`dotnet --list-sdks` lists none): notebooks need it for `dotnet publish` and `dotnet tool`; install it, then run `research notebooks setup` again.");
        }
        string jupyter = options.Find("jupyter") ?? throw new NotebookSetupException(
            "jupyter is not on the PATH: install Jupyter Notebook (Debian/Ubuntu: apt-get install jupyter-notebook), then run `research notebooks setup` again.");
        var dataDir = ExternalCommand.Run(jupyter, ["--data-dir"]);
        if (dataDir is not { ExitCode: 0 } d || KernelSpecs.DataFolder(d.Output) is not { } data)
        {
            throw new NotebookSetupException($"`{jupyter} --data-dir` failed ({dataDir?.Output ?? "did not start"}): repair the Jupyter installation (apt-get install --reinstall jupyter-notebook).");
        }
        string kernels = Path.Combine(data, "kernels");

        if (NotebookLibrary.Problem(options.RepositoryRoot) is { } libraryProblem)
        {
            int files = NotebookLibrary.Build(options.RepositoryRoot, dotnet);
            report($"built notebooks/.lib ({files} files; it was needed because {libraryProblem})");
        }
        string tool = KernelTool.Executable(options.ToolsFolder);
        if (KernelTool.InstalledVersion(options.ToolsFolder) is var installed && installed != KernelTool.Version)
        {
            InstallTool(dotnet, options.ToolsFolder, installed);
            report(installed is null
                ? $"installed the kernel tool {KernelTool.PackageId} {KernelTool.Version} (dotnet tool install -g)"
                : $"replaced the kernel tool {KernelTool.PackageId} {installed} by {KernelTool.Version}");
        }
        if (KernelSpecs.Problem(kernels, tool) is not null)
        {
            RegisterKernel(tool, kernels, report);
            report($"registered the {KernelSpecs.CSharp} Jupyter kernel in {kernels}");
        }
    }

    private static void InstallTool(string dotnet, string toolsFolder, string? installed)
    {
        string[] args = installed is null
            ? ["tool", "install", "-g", KernelTool.PackageId, "--version", KernelTool.Version]
            : ["tool", "update", "-g", KernelTool.PackageId, "--version", KernelTool.Version, "--allow-downgrade"];
        var result = ExternalCommand.Run(dotnet, args, timeoutMs: 10 * 60_000);
        if (result is not { ExitCode: 0 } || KernelTool.InstalledVersion(toolsFolder) != KernelTool.Version)
        {
            throw new NotebookSetupException(
                $"`dotnet {string.Join(' ', args)}` failed ({Last(result?.Output)}): this needs the .NET SDK's tool support and access to a NuGet source; fix that and run `research notebooks setup` again.");
        }
    }

    private static void RegisterKernel(string tool, string kernels, Action<string> report)
    {
        if (!Directory.Exists(kernels))
        {
            Directory.CreateDirectory(kernels);
            report($"created the Jupyter kernels folder {kernels}");
        }
        // Installed into a staging folder, pointed at the tool, then moved into place kernel by kernel.
        string staging = Directory.CreateTempSubdirectory("research-kernelspecs-").FullName;
        try
        {
            var result = ExternalCommand.Run(tool, ["jupyter", "install", "--path", staging], timeoutMs: 5 * 60_000);
            if (result is not { ExitCode: 0 } || !File.Exists(KernelSpecs.KernelJson(staging)))
            {
                throw new NotebookSetupException($"`{tool} jupyter install` failed ({Last(result?.Output)}); run it by hand to see why, then `research notebooks setup` again.");
            }
            KernelSpecs.PinToTool(staging, tool);
            foreach (string name in KernelSpecs.Installed.Where(n => Directory.Exists(Path.Combine(staging, n))))
            {
                string target = Path.Combine(kernels, name);
                string old = target + $".old-{Environment.ProcessId}";
                if (Directory.Exists(target)) Directory.Move(target, old);
                CopyFolder(Path.Combine(staging, name), target);
                if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
            }
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    private static void CopyFolder(string from, string to)
    {
        string temp = to + $".new-{Environment.ProcessId}";
        Directory.CreateDirectory(temp);
        foreach (string file in Directory.EnumerateFiles(from)) File.Copy(file, Path.Combine(temp, Path.GetFileName(file)));
        Directory.Move(temp, to);
    }

    private static string Last(string? output) =>
        output is null ? "it did not start or did not finish" : output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Trim() ?? "no output";
}
