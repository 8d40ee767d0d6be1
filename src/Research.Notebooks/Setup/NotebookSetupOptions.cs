namespace Research.Notebooks.Setup;

/// <summary>Where <see cref="NotebookSetup"/> looks and installs (defaults: this machine's).</summary>
public sealed record NotebookSetupOptions
{
    /// <summary>The clone of the repository whose notebooks are set up.</summary>
    public required string RepositoryRoot { get; init; }

    /// <summary>The PATH searched for <c>dotnet</c> and <c>jupyter</c>. <value>The default value is the process's PATH.</value></summary>
    public string SearchPath { get; init; } = Environment.GetEnvironmentVariable("PATH") ?? "";

    /// <summary>The global .NET tools folder. <value>The default value is <c>$HOME/.dotnet/tools</c>.</value></summary>
    public string ToolsFolder { get; init; } = KernelTool.DefaultToolsFolder;

    /// <summary>
    /// The folder of the repository that contains <paramref name="start"/> (or is above it): the first one up that holds
    /// Research.sln and src/Research.Notebooks; null when there is none.
    /// </summary>
    public static string? FindRepository(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Research.sln")) &&
                File.Exists(Path.Combine(dir.FullName, "src", "Research.Notebooks", "Research.Notebooks.csproj"))) return dir.FullName;
        }
        return null;
    }

    /// <summary>The first of <paramref name="names"/> found on <see cref="SearchPath"/>, or null.</summary>
    public string? Find(params string[] names) =>
        names.SelectMany(n => SearchPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Select(d => Path.Combine(d, n)))
            .FirstOrDefault(File.Exists);
}
