using Research.Imaging;
using Research.Imaging.Codecs;

namespace Research.Cli.Tests.Commands;

public sealed class TrainPredictTests
{
    [Fact]
    public void Train_then_predict_writes_16_bit_labels_and_a_submission()
    {
        using var temp = new TempFolder();
        string run = temp.Combine("run"), data = temp.Combine("data"), output = temp.Combine("pred");
        var train = CliRunner.Run("train", "--out", run, "--images", "6", "--image-size", "32", "--size", "32", "--base-filters", "4", "--epochs", "2", "--seed", "2");
        Assert.True(train.ExitCode == 0, train.Error);
        Assert.Equal("epoch,train_loss,val_loss,val_dice,val_iou,lr,seconds", File.ReadLines(Path.Combine(run, "metrics.csv")).First());
        foreach (string file in new[] { "config.json", "provenance.json", "learning_curves.html", "checkpoints/last/model.bin", "checkpoints/best/state.json" })
        {
            Assert.True(File.Exists(Path.Combine(run, file)), file);
        }
        Assert.Equal(0, CliRunner.Run("datasets", "synth", "--out", data, "--count", "1", "--size", "40", "--seed", "9").ExitCode);

        var predict = CliRunner.Run("predict", "--run", run, "--input", Path.Combine(data, "images"), "--out", output, "--tile", "32", "--overlap", "8", "--tta");

        Assert.True(predict.ExitCode == 0, predict.Error);
        Assert.Contains("40 x 40 px is not a multiple of the model's stride 16", predict.Error.ReplaceLineEndings(" "), StringComparison.Ordinal); // commentary goes to standard error
        var labels = ImageFile.Read(Path.Combine(output, "synth-0000.tif"));
        Assert.Equal(PixelType.UInt16, labels.PixelType);
        Assert.Equal(40, labels.Width);
        var csv = File.ReadAllLines(Path.Combine(output, "submission.csv"));
        Assert.Equal("ImageId,EncodedPixels", csv[0]);
        Assert.All(csv.Skip(1), line => Assert.StartsWith("synth-0000,", line, StringComparison.Ordinal));
    }

    [Fact]
    public void Bad_training_input_exits_2_with_the_valid_names()
    {
        using var temp = new TempFolder();
        var model = CliRunner.Run("train", "--out", temp.Combine("a"), "--model", "resnet");
        Assert.Equal(2, model.ExitCode);
        Assert.Contains("Available models: unet, bh2019-unet, c-resunet", model.Error, StringComparison.Ordinal);
        var loss = CliRunner.Run("train", "--out", temp.Combine("b"), "--loss", "focal");
        Assert.Contains("Available losses: bce, dice, bce-dice, weighted-bce, cross-entropy", loss.Error, StringComparison.Ordinal);
        var dataset = CliRunner.Run("train", "--out", temp.Combine("c"), "--dataset", "dsb2018");
        Assert.Equal(2, dataset.ExitCode);
        Assert.Contains("give the folder of the split to train on with --root DIR", dataset.Error, StringComparison.Ordinal);
        var weight = CliRunner.Run("train", "--out", temp.Combine("e"), "--boundary-weight", "3");
        Assert.Equal(2, weight.ExitCode);
        Assert.Contains("--boundary-weight weights the boundary class of --loss cross-entropy; the bce-dice loss has no classes.", weight.Error, StringComparison.Ordinal);
        var resume = CliRunner.Run("train", "--out", temp.Combine("d"), "--resume");
        Assert.Equal(2, resume.ExitCode);
        Assert.Contains("config.json is missing", resume.Error, StringComparison.Ordinal);
    }
}
