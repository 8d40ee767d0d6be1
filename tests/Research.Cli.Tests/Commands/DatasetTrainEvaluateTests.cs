using System.Text.Json;
using Research.Imaging;
using Research.Imaging.Codecs;
using Research.Tests.TestSupport;

namespace Research.Cli.Tests.Commands;

/// <summary>train and evaluate on a miniature dataset in the Kaggle DSB2018 layout, generated in the test.</summary>
public sealed class DatasetTrainEvaluateTests
{
    [Fact]
    public void Train_reads_a_kaggle_dsb_split_with_fold113_and_records_the_normalisation()
    {
        using var temp = new TempFolder();
        string data = temp.Combine("stage1_train"), run = temp.Combine("run");
        MiniDsb.Write(data, count: 3, size: 96);
        var train = CliRunner.Run("train", "--dataset", "dsb2018", "--root", data, "--out", run, "--size", "32", "--batch", "16",
            "--base-filters", "2", "--epochs", "1", "--augment", "fold113", "--threads", "1");
        Assert.True(train.ExitCode == 0, train.Error);
        Assert.Contains("on dsb2018 (2 training, 1 validation images)", train.Error, StringComparison.Ordinal); // commentary goes to standard error
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "config.json")));
        var normalization = config.RootElement.GetProperty("normalization");
        Assert.Equal(("percentile", 0.5, 99.5), (normalization.GetProperty("scaling").ToString(), normalization.GetProperty("low").GetDouble(), normalization.GetProperty("high").GetDouble()));
        Assert.Equal("fold113", config.RootElement.GetProperty("augment").ToString());
        using var provenance = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "provenance.json")));
        Assert.StartsWith("sha256:", provenance.RootElement.GetProperty("components").GetProperty("dataset_checksum").GetString(), StringComparison.Ordinal);
        using var split = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "split.json")));
        var trained = split.RootElement.GetProperty("train").EnumerateArray().Select(e => e.GetString()!).ToList();
        var heldOut = split.RootElement.GetProperty("validation").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(2, trained.Count);
        Assert.Single(heldOut);
        Assert.Equal(["img00", "img01", "img02"], trained.Concat(heldOut).Order(StringComparer.Ordinal));
        Assert.Equal(("dsb2018", 0.2), (split.RootElement.GetProperty("dataset").GetString(), split.RootElement.GetProperty("validation_fraction").GetDouble()));
    }

    [Fact]
    public void A_split_without_masks_exits_2_and_says_so()
    {
        using var temp = new TempFolder();
        string data = temp.Combine("stage1_test");
        MiniDsb.Write(data, count: 2, size: 64, masks: false);
        var train = CliRunner.Run("train", "--dataset", "dsb2018", "--root", data, "--out", temp.Combine("run"));
        Assert.Equal(2, train.ExitCode);
        Assert.Contains("none of its 2 image(s) has masks", train.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_takes_per_object_masks_of_a_dataset_as_truth()
    {
        using var temp = new TempFolder();
        string data = temp.Combine("stage1_test"), pred = temp.Combine("pred");
        var samples = MiniDsb.Write(data, count: 2, size: 96);
        Directory.CreateDirectory(pred);
        // img00 is predicted perfectly (labels renumbered), img01 as all background.
        var perfect = samples[0].Labels;
        ImageFile.Write(Path.Combine(pred, "img00.tif"), new Image<ushort>(perfect.Width, perfect.Height, 1, Array.ConvertAll(perfect.Data, v => v == 0 ? (ushort)0 : (ushort)(v + 100))));
        ImageFile.Write(Path.Combine(pred, "img01.tif"), new Image<ushort>(96, 96));

        var result = CliRunner.Run("evaluate", "--pred", pred, "--truth-dataset", "dsb2018", "--root", data, "--out", temp.Combine("eval"), "--no-report");

        Assert.True(result.ExitCode == 0, result.Error);
        using var summary = JsonDocument.Parse(File.ReadAllText(temp.Combine("eval", "summary.json")));
        Assert.Equal(2, summary.RootElement.GetProperty("images").GetInt32());
        // DSB2018 score is the mean over images: 1 for the perfect one, 0 for the empty one (it has objects) = 0.5.
        Assert.Equal(0.5, summary.RootElement.GetProperty("dsb2018_score").GetDouble(), 12);
        var both = CliRunner.Run("evaluate", "--pred", pred, "--truth", pred, "--truth-dataset", "dsb2018", "--root", data, "--out", temp.Combine("x"));
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("Give exactly one of --truth DIR", both.Error, StringComparison.Ordinal);
    }
}
