namespace Research.Notebooks.Setup;

/// <summary>
/// The Jupyter kernel tool the notebooks are written for: <c>Microsoft.dotnet-interactive</c> 1.0.712001, the last
/// release (its libraries are <c>Microsoft.DotNet.Interactive*</c> 1.0.0-beta.26120.1, the versions the runner hosts),
/// installed as a global .NET tool.
/// </summary>
public static class KernelTool
{
    /// <summary>The tool's package id.</summary>
    public const string PackageId = "Microsoft.dotnet-interactive";

    /// <summary>The pinned version (environment/README.md, the Dockerfile and the devcontainer say the same; a test keeps them equal).</summary>
    public const string Version = "1.0.712001";

    /// <summary>The folder of global .NET tools: <c>$HOME/.dotnet/tools</c>.</summary>
    public static string DefaultToolsFolder =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools");

    /// <summary>The tool's launcher in <paramref name="toolsFolder"/>.</summary>
    public static string Executable(string toolsFolder) => Path.Combine(toolsFolder, "dotnet-interactive");

    /// <summary>
    /// The installed version (from the tool store, <c>.store/microsoft.dotnet-interactive/VERSION</c>), or null when the
    /// launcher or the store is missing.
    /// </summary>
    public static string? InstalledVersion(string toolsFolder)
    {
        string store = Path.Combine(toolsFolder, ".store", PackageId.ToLowerInvariant());
        if (!File.Exists(Executable(toolsFolder)) || !Directory.Exists(store)) return null;
        return Directory.EnumerateDirectories(store).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).LastOrDefault();
    }
}
