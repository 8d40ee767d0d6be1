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
        string script = File.ReadAllText(PathOf("test.sh"));
        const string command = "./test.sh";
        Assert.Contains("\n" + command + "\n", readme, StringComparison.Ordinal);
        Assert.Contains("\n" + command + " ", ci, StringComparison.Ordinal);
        Assert.Contains("\nexec dotnet test Research.sln -c Release \"$@\"\n", script, StringComparison.Ordinal);
    }

    [Fact]
    public void The_test_script_installs_every_debian_package_a_test_names()
    {
        // Tests that need a tool name its Debian package in their failure message ("install ... python3-pyld");
        // every such package must be in test.sh's list, so README's test command installs it.
        string script = File.ReadAllText(PathOf("test.sh"));
        var list = AptList().Match(script);
        Assert.True(list.Success, "test.sh has no 'apt_packages=( ... )' list");
        var listed = list.Groups[1].Value.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        var named = Directory.EnumerateFiles(PathOf("tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("Benchmarks", StringComparison.Ordinal))
            .SelectMany(f => NamedPackage().Matches(File.ReadAllText(f)).Select(m => (File: f, Package: m.Groups[1].Value)))
            .ToList();
        Assert.Contains(named, n => n.Package == "chromium");
        Assert.All(named, n => Assert.True(listed.Contains(n.Package), $"{n.File} asks for the Debian package {n.Package}, which test.sh does not install"));
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

    [GeneratedRegex(@"apt_packages=\(([^)]*)\)")]
    private static partial Regex AptList();

    [GeneratedRegex(@"apt-get install -y ([a-z0-9][a-z0-9.+-]+)")]
    private static partial Regex NamedPackage();

    [GeneratedRegex(@"Microsoft\.dotnet-interactive --version (\S+)")]
    private static partial Regex DotnetInteractiveVersion();
}
