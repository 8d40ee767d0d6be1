using Research.Imaging;
using Research.Imaging.Codecs;
using Research.Tests.TestSupport;

namespace Research.Cli.Tests.Commands;

/// <summary><c>research predict --dataset</c> and the 3-class (cross-entropy) model path, on miniature DSB2018-layout splits.</summary>
public sealed class PredictDatasetTests
{
    [Fact]
    public void A_three_class_model_predicts_a_dataset_split_named_by_sample_id_and_evaluates()
    {
        using var temp = new TempFolder();
        string train = temp.Combine("stage1_train"), test = temp.Combine("stage1_test"), run = temp.Combine("run"), output = temp.Combine("pred");
        MiniDsb.Write(train, count: 3, size: 64);
        MiniDsb.Write(test, count: 2, size: 48, seed: 11);
        var fit = CliRunner.Run("train", "--dataset", "dsb2018", "--root", train, "--out", run, "--size", "32", "--batch", "4",
            "--base-filters", "2", "--epochs", "1", "--loss", "cross-entropy", "--threads", "1");
        Assert.True(fit.ExitCode == 0, fit.Error);

        var predict = CliRunner.Run("predict", "--run", run, "--dataset", "dsb2018", "--root", test, "--out", output, "--tile", "32", "--overlap", "8",
            "--interior-threshold", "0.4", "--min-marker-area", "2");

        Assert.True(predict.ExitCode == 0, predict.Error);
        Assert.Contains("Predicted 2 image(s)", predict.Output, StringComparison.Ordinal);
        foreach (string id in new[] { "img00", "img01" })
        {
            var labels = ImageFile.Read(Path.Combine(output, id + ".tif"));
            Assert.Equal((PixelType.UInt16, 48, 48), (labels.PixelType, labels.Width, labels.Height));
        }
        var csv = File.ReadAllLines(Path.Combine(output, "submission.csv"));
        Assert.Equal("ImageId,EncodedPixels", csv[0]);
        Assert.Equal(["img00", "img01"], csv.Skip(1).Select(line => line[..line.IndexOf(',', StringComparison.Ordinal)]).Distinct());
        using (var provenance = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "provenance.json"))))
        {
            var components = provenance.RootElement.GetProperty("components");
            Assert.Equal("interior markers", components.GetProperty("separation").GetString());
            Assert.Equal("checkpoints/best (epoch 1)", components.GetProperty("checkpoint").GetString());
            Assert.Matches("^[0-9a-f]{64}$", components.GetProperty("model_sha256").GetString());
            Assert.Equal(("0.4", "2", "2"), (components.GetProperty("interior_threshold").GetString(), components.GetProperty("min_marker_area").GetString(), components.GetProperty("images").GetString()));
            Assert.EndsWith($"dataset dsb2018 at {Path.GetFullPath(test)}", components.GetProperty("input").GetString(), StringComparison.Ordinal);
        }
        var evaluate = CliRunner.Run("evaluate", "--pred", output, "--truth-dataset", "dsb2018", "--root", test, "--out", temp.Combine("eval"));
        Assert.True(evaluate.ExitCode == 0, evaluate.Error);
    }

    [Theory]
    [InlineData(new[] { "--input", "x", "--dataset", "dsb2018", "--root", "y" }, "Give exactly one of --input FILE|DIR or --dataset ID --root DIR")]
    [InlineData(new[] { "--dataset", "dsb2018" }, "--dataset dsb2018 needs --root DIR")]
    [InlineData(new[] { "--input", "x", "--root", "y" }, "--root names the split of --dataset")]
    [InlineData(new[] { "--input", "x", "--interior-threshold", "1.5" }, "The interior threshold must be in (0, 1), got 1.5")]
    [InlineData(new[] { "--input", "x", "--min-marker-area", "0" }, "The minimum marker area must be at least 1 pixel, got 0")]
    public void Contradictory_or_out_of_range_prediction_options_exit_2(string[] arguments, string message)
    {
        using var temp = new TempFolder();
        var result = CliRunner.Run(["predict", "--run", temp.Combine("run"), "--out", temp.Combine("out"), .. arguments]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Inputs_that_are_not_images_are_explained()
    {
        using var temp = new TempFolder();
        string test = temp.Combine("stage1_test");
        MiniDsb.Write(test, count: 1, size: 32, masks: false);
        var run = CliRunner.Run("train", "--out", temp.Combine("run"), "--images", "2", "--image-size", "32", "--size", "32", "--base-filters", "2", "--epochs", "1");
        Assert.True(run.ExitCode == 0, run.Error);
        var result = CliRunner.Run("predict", "--run", temp.Combine("run"), "--input", test, "--out", temp.Combine("out"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("use --dataset ID --root DIR", result.Error, StringComparison.Ordinal);

        string empty = temp.Combine("empty");
        Directory.CreateDirectory(empty);
        var none = CliRunner.Run("predict", "--run", temp.Combine("run"), "--dataset", "dsb2018", "--root", empty, "--out", temp.Combine("out2"));
        Assert.Equal(2, none.ExitCode);
        Assert.Contains($"{empty}: no split of dataset dsb2018 found (looked for stage1_train/, stage1_test/, stage2_test_final/ under it)", none.Error, StringComparison.Ordinal);
        var missing = CliRunner.Run("predict", "--run", temp.Combine("run"), "--dataset", "dsb2018", "--root", temp.Combine("nowhere"), "--out", temp.Combine("out3"));
        Assert.Contains("the folder given as --root does not exist", missing.Error, StringComparison.Ordinal);
    }
}
