using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Research.IO;
using Research.Torch.Diagnostics;

namespace Research.Notebooks.Setup;

/// <summary>
/// <c>notebooks/.lib</c>: everything the notebooks' set-up cell references (<c>#r ".lib/Research.Notebooks.dll"</c>),
/// published with <c>dotnet publish src/Research.Notebooks -r linux-x64</c>: the project's assemblies, every managed
/// dependency and every native library (libtorch, SkiaSharp) side by side, with the Debian 12 libstdc++ fix applied to
/// this copy of libLibTorchSharp.so (environment/msbuild/LibTorchSharpGlibcxx.targets runs after publish). A stamp
/// records a digest of the sources it was built from, so the set-up rebuilds it only when they changed.
/// </summary>
public static class NotebookLibrary
{
    /// <summary>The stamp file inside the folder.</summary>
    public const string StampName = "research-setup.json";

    /// <summary>Files that must be in a complete folder.</summary>
    public static readonly IReadOnlyList<string> Required =
        ["Research.Core.dll", "Research.Torch.dll", "Research.Notebooks.dll", "TorchSharp.dll", "libLibTorchSharp.so", "libtorch.so", "libSkiaSharp.so"];

    private static readonly string[] SourceFolders = ["src/Research", "src/Research.Torch", "src/Research.Notebooks", "environment/msbuild"];

    private static readonly string[] SourceFiles = ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json", "NuGet.config"];

    /// <summary>The folder: <c>REPO/notebooks/.lib</c>.</summary>
    public static string Folder(string repository) => Path.Combine(repository, "notebooks", ".lib");

    /// <summary>Null when the folder is complete and built from the current sources; otherwise what is wrong.</summary>
    public static string? Problem(string repository)
    {
        string folder = Folder(repository);
        if (!Directory.Exists(folder)) return "notebooks/.lib does not exist";
        string? missing = Required.FirstOrDefault(f => !File.Exists(Path.Combine(folder, f)));
        if (missing is not null) return $"notebooks/.lib has no {missing}";
        string stamp = Path.Combine(folder, StampName);
        string? built = File.Exists(stamp) ? (string?)JsonNode.Parse(File.ReadAllText(stamp))?["sources"] : null;
        return built == SourcesDigest(repository) ? null : "notebooks/.lib was built from older sources";
    }

    /// <summary>
    /// SHA-256 over the relative path and content of every source the folder is built from (the three projects
    /// without bin/obj, the build settings and the msbuild fixes), in ordinal order of path.
    /// </summary>
    public static string SourcesDigest(string repository)
    {
        var files = SourceFolders.Select(f => Path.Combine(repository, f)).Where(Directory.Exists)
            .SelectMany(f => Directory.EnumerateFiles(f, "*", SearchOption.AllDirectories))
            .Concat(SourceFiles.Select(f => Path.Combine(repository, f)).Where(File.Exists))
            .Select(f => Path.GetRelativePath(repository, f).Replace('\\', '/'))
            .Where(r => !r.Split('/').Any(part => part is "bin" or "obj"))
            .Order(StringComparer.Ordinal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (string relative in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(relative + "\n"));
            hash.AppendData(File.ReadAllBytes(Path.Combine(repository, relative)));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>
    /// Publishes into a staging folder and puts it in place of <c>notebooks/.lib</c> only when complete; returns the
    /// number of files. Throws <see cref="NotebookSetupException"/> with the end of dotnet's output when publishing fails.
    /// </summary>
    public static int Build(string repository, string dotnet)
    {
        string digest = SourcesDigest(repository);
        string project = Path.Combine(repository, "src", "Research.Notebooks", "Research.Notebooks.csproj");
        using var output = OutputFolder.Begin(Folder(repository), force: true);
        string staging = output.Staging.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var result = ExternalCommand.Run(dotnet,
            ["publish", project, "-c", "Release", "-r", "linux-x64", "--self-contained", "false", "-o", staging, "-nologo", "-v", "quiet"],
            timeoutMs: 30 * 60_000);
        if (result is not { ExitCode: 0 })
        {
            string tail = result is { } r ? string.Join('\n', r.Output.Split('\n').TakeLast(8)) : "it did not start or took over 30 minutes";
            throw new NotebookSetupException($"dotnet publish {Path.GetRelativePath(repository, project)} failed; notebooks/.lib was left as it was:\n{tail}");
        }
        string? missing = Required.FirstOrDefault(f => !File.Exists(Path.Combine(staging, f)));
        if (missing is not null) throw new NotebookSetupException($"dotnet publish did not produce {missing}; notebooks/.lib was left as it was.");
        var stamp = new JsonObject { ["sources"] = digest, ["kernelTool"] = KernelTool.Version, ["built"] = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture) };
        File.WriteAllText(Path.Combine(staging, StampName), stamp.ToJsonString() + "\n");
        int count = Directory.EnumerateFiles(staging, "*", SearchOption.AllDirectories).Count();
        output.Commit();
        return count;
    }
}
