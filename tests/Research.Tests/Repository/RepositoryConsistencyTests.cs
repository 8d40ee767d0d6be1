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
        // The tool `research notebooks setup` installs (KernelTool.Version) is the one the Dockerfile installs and the
        // docs name; every mention of a 1.0.7xxxxx tool version in the docs and the dev container is that one.
        string pinned = DockerArg("DOTNET_INTERACTIVE_VERSION");
        Assert.Equal("1.0.712001", pinned);
        var code = KernelToolVersion().Match(File.ReadAllText(PathOf("src/Research.Notebooks/Setup/KernelTool.cs")));
        Assert.True(code.Success, "src/Research.Notebooks/Setup/KernelTool.cs has no 'Version = \"...\"'");
        Assert.Equal(pinned, code.Groups[1].Value);
        string notes = File.ReadAllText(PathOf("environment/README.md"));
        Assert.NotEmpty(DotnetInteractiveVersion().Matches(notes));
        foreach (string file in new[] { "environment/README.md", "README.md", "notebooks/README.md", "environment/devcontainer/devcontainer.json", "Dockerfile" })
        {
            var mentioned = ToolVersionMention().Matches(File.ReadAllText(PathOf(file))).Select(m => m.Value).Distinct().ToList();
            Assert.All(mentioned, v => Assert.True(v == pinned, $"{file} names the kernel tool version {v}, not {pinned}"));
        }
    }

    [Fact]
    public void The_dotnet_interactive_libraries_are_those_of_the_pinned_tool()
    {
        // Tool 1.0.712001 is built from Microsoft.DotNet.Interactive* 1.0.0-beta.26120.1: the runner hosts those.
        var versions = XDocument.Load(PathOf("Directory.Packages.props")).Descendants("PackageVersion")
            .Where(e => ((string?)e.Attribute("Include"))!.StartsWith("Microsoft.DotNet.Interactive", StringComparison.Ordinal))
            .ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!);
        Assert.True(versions.Count >= 3, "Directory.Packages.props pins fewer than three Microsoft.DotNet.Interactive libraries");
        Assert.All(versions, v => Assert.True(v.Value == "1.0.0-beta.26120.1", $"{v.Key} {v.Value} is not the version of tool 1.0.712001 (1.0.0-beta.26120.1)"));
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

    [GeneratedRegex(@"public const string Version = ""([^""]+)"";")]
    private static partial Regex KernelToolVersion();

    [GeneratedRegex(@"\b1\.0\.7\d{5}\b")]
    private static partial Regex ToolVersionMention();
}
