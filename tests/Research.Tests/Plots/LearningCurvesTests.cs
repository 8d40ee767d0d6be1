using Research.Metrics;
using Research.Plots;

namespace Research.Tests.Plots;

public sealed class LearningCurvesTests
{
    private const string Csv = "epoch,train_loss,val_loss,val_dice,val_iou,lr,seconds\n1,0.9,0.8,0.5,0.33,0.001,12.5\n2,0.6,0.7,0.6,0.43,0.001,12.1\n";

    [Fact]
    public void Reads_metrics_csv_and_makes_two_figures()
    {
        var epochs = LearningCurves.Read(new StringReader(Csv), "metrics.csv");
        Assert.Equal(new EpochMetrics(2, 0.6, 0.7, 0.6, 0.43, 0.001, 12.1), epochs[1]);
        var loss = LearningCurves.Loss(epochs).Json;
        Assert.Equal(2, loss["data"]!.AsArray().Count);
        Assert.Equal("Learning curves: loss", (string?)loss["layout"]!["title"]!["text"]);
        Assert.Equal(2, LearningCurves.Scores(epochs).Json["data"]!.AsArray().Count);
    }

    [Fact]
    public void Curves_are_lines_with_markers_per_epoch()
    {
        var epochs = LearningCurves.Read(new StringReader(Csv), "metrics.csv");
        var loss = LearningCurves.Loss(epochs).Json["data"]!.AsArray();
        Assert.Equal("""{"type":"scatter","name":"train loss","mode":"lines+markers","x":[1,2],"y":[0.9,0.6]}""", JsonText.Of(loss[0]!));
        Assert.Equal("""{"type":"scatter","name":"validation loss","mode":"lines+markers","x":[1,2],"y":[0.8,0.7]}""", JsonText.Of(loss[1]!));
        var scores = LearningCurves.Scores(epochs).Json;
        Assert.Equal("""{"type":"scatter","name":"validation Dice","mode":"lines+markers","x":[1,2],"y":[0.5,0.6]}""", JsonText.Of(scores["data"]![0]!));
        Assert.Equal("""{"type":"scatter","name":"validation IoU","mode":"lines+markers","x":[1,2],"y":[0.33,0.43]}""", JsonText.Of(scores["data"]![1]!));
        Assert.Equal("""{"title":{"text":"score"},"range":[0,1.02]}""", JsonText.Of(scores["layout"]!["yaxis"]!));
        Assert.Equal("epoch", (string?)scores["layout"]!["xaxis"]!["title"]!["text"]);
    }

    [Fact]
    public void A_bad_value_names_the_file_line_and_column()
    {
        var e = Assert.Throws<InputException>(() => LearningCurves.Read(new StringReader(Csv.Replace("0.43", "x", StringComparison.Ordinal)), "run/metrics.csv"));
        Assert.Equal("run/metrics.csv: line 3, column val_iou: 'x' is not a number.", e.Message);
        Assert.Throws<InputException>(() => LearningCurves.Read(new StringReader("epoch,loss\n"), "m.csv"));
    }
}
