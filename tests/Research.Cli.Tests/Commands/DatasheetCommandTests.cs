using System.Text.Json;

namespace Research.Cli.Tests.Commands;

public sealed class DatasheetCommandTests
{
    [Fact]
    public void Without_root_writes_the_datasheet_from_the_manifest()
    {
        using var temp = new TempFolder();
        string dir = temp.Combine("ds");
        var (code, output, error) = CliRunner.Run("datasheet", "dsb2018", "--out", dir);
        Assert.True(code == 0, error);
        Assert.Contains("no --root given", output, StringComparison.Ordinal);
        string md = File.ReadAllText(Path.Combine(dir, "datasheet.md"));
        Assert.Contains("Not measured: data not available locally.", md, StringComparison.Ordinal);
        Assert.Contains("Not answered in the manifest.", md, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir, "stats.json")));
        Assert.True(File.Exists(Path.Combine(dir, "croissant.json")));

        var (again, _, refusal) = CliRunner.Run("datasheet", "dsb2018", "--out", dir);
        Assert.Equal(2, again);
        Assert.Contains("--force", refusal, StringComparison.Ordinal);
        Assert.Equal(0, CliRunner.Run("datasheet", "dsb2018", "--out", dir, "--force").ExitCode);
    }

    [Fact]
    public void Measures_a_synthetic_copy()
    {
        using var temp = new TempFolder();
        string data = temp.Combine("data");
        Assert.Equal(0, CliRunner.Run("datasets", "synth", "--out", data, "--count", "4", "--size", "64", "--seed", "2").ExitCode);
        string dir = temp.Combine("ds");
        var (code, output, error) = CliRunner.Run("datasheet", "synthetic-nuclei", "--root", data, "--out", dir);
        Assert.True(code == 0, error);
        Assert.Contains("synthetic-nuclei: 4 images", output, StringComparison.Ordinal);
        using var stats = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "stats.json")));
        Assert.Equal(4, stats.RootElement.GetProperty("images").GetInt32());
        Assert.Equal("64x64", stats.RootElement.GetProperty("sizes").EnumerateObject().Single().Name);
    }

    [Fact]
    public void Unreadable_image_gives_exit_code_1_and_a_listed_problem()
    {
        using var temp = new TempFolder();
        string data = temp.Combine("data");
        Assert.Equal(0, CliRunner.Run("datasets", "synth", "--out", data, "--count", "3", "--size", "64", "--seed", "2").ExitCode);
        string victim = Directory.GetFiles(Path.Combine(data, "images"))[0];
        File.WriteAllBytes(victim, [1, 2, 3, 4]);
        string dir = temp.Combine("ds");
        var (code, _, error) = CliRunner.Run("datasheet", "synthetic-nuclei", "--root", data, "--out", dir);
        Assert.Equal(1, code);
        Assert.Contains("could not be read", error, StringComparison.Ordinal);
        Assert.Contains("| Unreadable |", File.ReadAllText(Path.Combine(dir, "datasheet.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_root_that_does_not_match_the_layout_is_a_usage_error()
    {
        using var temp = new TempFolder();
        string empty = temp.Combine("empty");
        Directory.CreateDirectory(empty);
        var (code, _, error) = CliRunner.Run("datasheet", "dsb2018", "--root", empty, "--out", temp.Combine("ds"));
        Assert.Equal(2, code);
        Assert.Contains("no split of dataset dsb2018 found (looked for stage1_train/, stage1_test/ under it)", error, StringComparison.Ordinal);
    }
}
