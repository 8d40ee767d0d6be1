using System.Reflection;
using System.Runtime.InteropServices;

namespace Research.Provenance;

/// <summary>
/// What produced an output: tool and version (with the git commit the library was built from), runtime, machine,
/// command line, seed and times. Written as <c>provenance.json</c> beside every output.
/// </summary>
public sealed record RunProvenance
{
    /// <summary>The producing tool, <c>research</c>.</summary>
    public string Tool { get; init; } = "research";

    /// <summary>The library's version, for example <c>0.1.0</c>.</summary>
    public string Version { get; init; } = LibraryVersion.Version;

    /// <summary>The git commit the library was built from, when known.</summary>
    public string? GitCommit { get; init; } = LibraryVersion.GitCommit;

    /// <summary>The .NET runtime description.</summary>
    public string Runtime { get; init; } = RuntimeInformation.FrameworkDescription;

    /// <summary>The operating system description.</summary>
    public string OperatingSystem { get; init; } = RuntimeInformation.OSDescription;

    /// <summary>Logical processors available.</summary>
    public int Processors { get; init; } = Environment.ProcessorCount;

    /// <summary>The command line that ran, when run from the command line.</summary>
    public string? CommandLine { get; init; }

    /// <summary>The seed that controlled all randomness, when there was any.</summary>
    public ulong? Seed { get; init; }

    /// <summary>Other versions that matter to the output (TorchSharp, libtorch, device...).</summary>
    public IReadOnlyDictionary<string, string> Components { get; init; } = new Dictionary<string, string>();

    /// <summary>When the run started (UTC).</summary>
    public DateTimeOffset StartedUtc { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>When the run ended (UTC).</summary>
    public DateTimeOffset? FinishedUtc { get; init; }
}

/// <summary>The library's version and source commit, read from its assembly attributes.</summary>
public static class LibraryVersion
{
    private static readonly string Informational =
        typeof(LibraryVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>The semantic version, for example <c>0.1.0</c>.</summary>
    public static string Version => Informational.Split('+')[0];

    /// <summary>The git commit of the build, or null when it was built outside a git checkout.</summary>
    public static string? GitCommit => Informational.Contains('+') ? Informational.Split('+')[1] : null;
}
