using System.Text.Json;
using Research.Imaging.Codecs;
using Research.Tests.TestSupport;

namespace Research.Cli.Tests.Commands;

/// <summary>--root is the dataset's root in the verbs that read a manifest dataset; a split's own folder is accepted with a note.</summary>
public sealed class DatasetRootTests
{
    [Fact]
    public void Evaluate_finds_the_split_under_the_dataset_root_and_asks_for_split_when_there_are_several()
    {
        using var temp = new TempFolder();
        string root = temp.Combine("dsb2018"), pred = temp.Combine("pred");
        var samples = MiniDsb.Write(Path.Combine(root, "stage1_test"), count: 2, size: 64);
        Directory.CreateDirectory(pred);
        foreach (var (sample, i) in samples.Select((s, i) => (s, i))) ImageFile.Write(Path.Combine(pred, $"img{i:D2}.tif"), sample.Labels);

        var only = CliRunner.Run("evaluate", "--pred", pred, "--truth-dataset", "dsb2018", "--root", root, "--out", temp.Combine("eval1"), "--no-report");
        Assert.True(only.ExitCode == 0, only.Error);
        using (var summary = JsonDocument.Parse(File.ReadAllText(temp.Combine("eval1", "summary.json"))))
        {
            Assert.Equal((2, 1.0), (summary.RootElement.GetProperty("images").GetInt32(), summary.RootElement.GetProperty("dsb2018_score").GetDouble()));
        }
        Assert.Equal("", only.Error);

        MiniDsb.Write(Path.Combine(root, "stage1_train"), count: 1, size: 64);
        var several = CliRunner.Run("evaluate", "--pred", pred, "--truth-dataset", "dsb2018", "--root", root, "--out", temp.Combine("eval2"), "--no-report");
        Assert.Equal(2, several.ExitCode);
        Assert.Contains("holds several splits of dataset dsb2018 (stage1_train, stage1_test); choose one with --split NAME", several.Error, StringComparison.Ordinal);

        var named = CliRunner.Run("evaluate", "--pred", pred, "--truth-dataset", "dsb2018", "--root", root, "--split", "stage1_test", "--out", temp.Combine("eval3"), "--no-report");
        Assert.True(named.ExitCode == 0, named.Error);

        var own = CliRunner.Run("evaluate", "--pred", pred, "--truth-dataset", "dsb2018", "--root", Path.Combine(root, "stage1_test"), "--out", temp.Combine("eval4"), "--no-report");
        Assert.True(own.ExitCode == 0, own.Error);
        Assert.Contains($"research: note: {Path.Combine(root, "stage1_test")} is the folder of split stage1_test itself", own.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_and_datasheet_read_every_split_under_the_dataset_root()
    {
        using var temp = new TempFolder();
        string root = temp.Combine("dsb2018");
        MiniDsb.Write(Path.Combine(root, "stage1_train"), count: 2, size: 48);
        MiniDsb.Write(Path.Combine(root, "stage1_test"), count: 1, size: 48, seed: 9);
        var validate = CliRunner.Run("datasets", "validate", "dsb2018", "--root", root);
        Assert.Equal(1, validate.ExitCode); // counts differ from the manifest's, and nothing else
        Assert.Contains(Squashed.Of("split stage1_train: the manifest expects 670 images, found 2"), Squashed.Of(validate.Output), StringComparison.Ordinal);
        Assert.Contains(Squashed.Of("split stage1_test: the manifest expects 65 images, found 1"), Squashed.Of(validate.Output), StringComparison.Ordinal);
        Assert.DoesNotContain("[Missing", validate.Output, StringComparison.Ordinal);

        var sheet = CliRunner.Run("datasheet", "dsb2018", "--root", root, "--out", temp.Combine("sheet"));
        Assert.True(sheet.ExitCode == 0, sheet.Error);
        Assert.StartsWith("dsb2018: 3 images", sheet.Output, StringComparison.Ordinal);
    }
}
