using System.Text.Json.Nodes;
using Research.Notebooks.Setup;
using Research.Notebooks.Tests.Runner;

namespace Research.Notebooks.Tests.Setup;

public sealed class NotebookSetupTests
{
    private static NotebookSetupOptions In(TempFolder temp, string searchPath) => new()
    {
        RepositoryRoot = temp.Path, SearchPath = searchPath, ToolsFolder = Path.Combine(temp.Path, "tools"),
    };

    [Theory]
    [InlineData("/root/.local/share/jupyter\n", "/root/.local/share/jupyter")]
    [InlineData("/root/.local/share/jupyter\nWarning: something on standard error\n", "/root/.local/share/jupyter")]
    [InlineData("DeprecationWarning: x\n  /home/u/.local/share/jupyter  \n", "/home/u/.local/share/jupyter")]
    [InlineData("only a warning\n", null)]
    [InlineData("", null)]
    public void The_data_folder_is_the_last_absolute_path_jupyter_prints(string output, string? expected) =>
        Assert.Equal(expected, KernelSpecs.DataFolder(output));

    [Fact]
    public void Without_dotnet_on_the_path_it_says_what_to_install_and_changes_nothing()
    {
        using var temp = new TempFolder();
        var e = Assert.Throws<NotebookSetupException>(() => NotebookSetup.Run(In(temp, "/nonexistent"), _ => Assert.Fail("no action expected")));
        Assert.StartsWith("dotnet is not on the PATH: install the .NET 10 SDK", e.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public void Without_jupyter_it_says_apt_get_install_jupyter_notebook_and_changes_nothing()
    {
        using var temp = new TempFolder();
        string dotnetOnly = Path.GetDirectoryName(Path.GetFullPath("/usr/share/dotnet/dotnet"))!;
        var e = Assert.Throws<NotebookSetupException>(() => NotebookSetup.Run(In(temp, dotnetOnly), _ => Assert.Fail("no action expected")));
        Assert.Equal("jupyter is not on the PATH: install Jupyter Notebook (Debian/Ubuntu: apt-get install jupyter-notebook), then run `research notebooks setup` again.", e.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public void The_kernelspec_is_pointed_at_the_tool_by_its_absolute_path()
    {
        using var temp = new TempFolder();
        string folder = Path.Combine(temp.Path, ".net-csharp");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "kernel.json"),
            "{\"argv\": [\"dotnet\", \"interactive\", \"jupyter\", \"--default-kernel\", \"csharp\", \"{connection_file}\"], \"display_name\": \".NET (C#)\", \"language\": \"C#\"}");
        const string tool = "/home/u/.dotnet/tools/dotnet-interactive";
        Assert.Equal(".net-csharp/kernel.json starts 'dotnet', not " + tool, KernelSpecs.Problem(temp.Path, tool)!.Replace(temp.Path + "/", "", StringComparison.Ordinal));
        Assert.Equal(1, KernelSpecs.PinToTool(temp.Path, tool));
        var spec = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "kernel.json")))!;
        Assert.Equal([tool, "jupyter", "--default-kernel", "csharp", "{connection_file}"], spec["argv"]!.AsArray().Select(a => (string)a!).ToArray());
        Assert.Equal(".NET (C#)", (string)spec["display_name"]!);
        Assert.Null(KernelSpecs.Problem(temp.Path, tool));
        // A tool installed elsewhere later (another HOME): the set-up re-points the kernelspec.
        Assert.Equal(1, KernelSpecs.PinToTool(temp.Path, "/elsewhere/dotnet-interactive"));
        Assert.NotNull(KernelSpecs.Problem(temp.Path, tool));
    }

    [Fact]
    public void The_library_digest_follows_the_sources_and_ignores_build_output()
    {
        using var temp = new TempFolder();
        string source = Path.Combine(temp.Path, "src", "Research", "A.cs");
        Directory.CreateDirectory(Path.GetDirectoryName(source)!);
        File.WriteAllText(source, "class A {}");
        string first = NotebookLibrary.SourcesDigest(temp.Path);
        Directory.CreateDirectory(Path.Combine(temp.Path, "src", "Research", "bin"));
        File.WriteAllText(Path.Combine(temp.Path, "src", "Research", "bin", "A.dll"), "binary");
        Assert.Equal(first, NotebookLibrary.SourcesDigest(temp.Path));
        File.WriteAllText(source, "class A { }");
        Assert.NotEqual(first, NotebookLibrary.SourcesDigest(temp.Path));
        Assert.Equal("notebooks/.lib does not exist", NotebookLibrary.Problem(temp.Path));
    }

    [Theory]
    [InlineData(0, ".lib/")]
    [InlineData(1, "../.lib/")]
    public void The_set_up_cells_reference_notebooks_lib_relative_to_the_notebook(int depth, string prefix)
    {
        var (check, references) = SetupCells.For(depth);
        Assert.Contains($"System.IO.File.Exists(\"{prefix}Research.Notebooks.dll\")", check, StringComparison.Ordinal);
        Assert.Contains(SetupCells.MissingMessage, check, StringComparison.Ordinal);
        Assert.Equal($"#r \"{prefix}Research.Core.dll\"\n#r \"{prefix}Research.Torch.dll\"\n#r \"{prefix}Research.Notebooks.dll\"\nResearch.Notebooks.Kernel.Setup()", references);
    }
}
