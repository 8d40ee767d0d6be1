using System.Text.RegularExpressions;
using System.Xml.Linq;
using static Research.Tests.TestSupport.Repository;

namespace Research.Tests.Repository;

/// <summary>Facts stated in several files of the repository must agree (docs drifting from code is a defect).</summary>
public sealed partial class RepositoryConsistencyTests
{
    [Fact]
    public void The_dockerfile_records_the_central_torchsharp_version()
    {
        string central = PackageVersion("TorchSharp");
        Assert.Equal("0.107.0", central);
        Assert.Equal(central, DockerArg("TORCHSHARP_VERSION"));
    }

    [Fact]
    public void The_pinned_dotnet_interactive_version_is_the_same_everywhere()
    {
        string pinned = DockerArg("DOTNET_INTERACTIVE_VERSION");
        string notes = File.ReadAllText(PathOf("environment/README.md"));
        var mentioned = DotnetInteractiveVersion().Matches(notes).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.NotEmpty(mentioned);
        Assert.All(mentioned, v => Assert.Equal(pinned, v));
    }

    [Fact]
    public void Ci_runs_the_readme_test_command()
    {
        string readme = File.ReadAllText(PathOf("README.md"));
        string ci = File.ReadAllText(PathOf(".ci/run"));
        const string command = "dotnet test Research.sln -c Release";
        Assert.Contains(command, readme, StringComparison.Ordinal);
        Assert.Contains("\n" + command + " ", ci, StringComparison.Ordinal);
    }

    [Fact]
    public void The_two_devcontainer_files_agree_apart_from_relative_paths()
    {
        static string Normalise(string path) => string.Join('\n', File.ReadAllLines(path)
            .Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal))
            .Select(l => l.Replace("../..", "..", StringComparison.Ordinal)));
        Assert.Equal(Normalise(PathOf("environment/devcontainer/devcontainer.json")), Normalise(PathOf(".devcontainer/devcontainer.json")));
    }

    private static string PackageVersion(string id) =>
        XDocument.Load(PathOf("Directory.Packages.props")).Descendants("PackageVersion")
            .Single(e => (string?)e.Attribute("Include") == id).Attribute("Version")!.Value;

    private static string DockerArg(string name)
    {
        var match = Regex.Match(File.ReadAllText(PathOf("Dockerfile")), $@"^ARG {name}=(\S+)$", RegexOptions.Multiline);
        Assert.True(match.Success, $"Dockerfile has no 'ARG {name}=...'");
        return match.Groups[1].Value;
    }

    [GeneratedRegex(@"Microsoft\.dotnet-interactive --version (\S+)")]
    private static partial Regex DotnetInteractiveVersion();
}
