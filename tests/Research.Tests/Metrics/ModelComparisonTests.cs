using System.Globalization;
using Research.Metrics;
using Research.Metrics.Comparison;
using Research.Plots;

namespace Research.Tests.Metrics;

/// <summary>Comparing evaluations of two models on hand-made per_image.csv rows: threshold curves, group means, worst images.</summary>
public sealed class ModelComparisonTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("comparison").FullName;

    public void Dispose() => Directory.Delete(dir, true);

    // per_image.csv as research evaluate writes it (only the columns the comparison reads, plus one it ignores)
    private string Evaluation(string name, params (string Id, double[] PerThreshold, double F1)[] rows)
    {
        var header = "id,width,height,missing_prediction,n_true,n_pred,dsb2018," + string.Join(',', Dsb2018Score.Thresholds.Select(t => $"dsb2018_t{(int)Math.Round(t * 100):000}")) + ",match_0.5_f1";
        var lines = rows.Select(r => string.Create(CultureInfo.InvariantCulture,
            $"{r.Id},10,8,false,3,2,{r.PerThreshold.Average()},{string.Join(',', r.PerThreshold.Select(v => v.ToString(CultureInfo.InvariantCulture)))},{r.F1}"));
        string path = Path.Combine(dir, name + ".csv");
        File.WriteAllLines(path, [header, .. lines]);
        return path;
    }

    private static double[] Steps(double high, double low) => [.. Enumerable.Range(0, 10).Select(k => k < 5 ? high : low)];

    [Fact]
    public void Curves_groups_and_worst_images_are_the_hand_computed_means()
    {
        var a = EvaluationTable.Read(Evaluation("a", ("x", Steps(1, 0.5), 1), ("y", Steps(0.5, 0), 0.5), ("z", Steps(0, 0), 0)));
        var b = EvaluationTable.Read(Evaluation("b", ("z", Steps(1, 1), 1), ("y", Steps(1, 0), 1), ("x", Steps(0.5, 0.5), 0.5)));
        var comparison = new ModelComparison(new Dictionary<string, IReadOnlyList<ImageScores>> { ["A"] = a, ["B"] = b });
        var curves = comparison.ScoreByThreshold();
        Assert.Equal(0.5, curves["A"][0], 12);          // (1 + 0.5 + 0) / 3
        Assert.Equal(0.5 / 3, curves["A"][9], 12);      // (0.5 + 0 + 0) / 3
        Assert.Equal(2.5 / 3, curves["B"][0], 12);
        var groups = new Dictionary<string, string> { ["x"] = "fluorescence", ["y"] = "fluorescence", ["z"] = "histology" };
        var rows = comparison.ByGroup(groups);
        Assert.Equal(["A/all", "A/fluorescence", "A/histology", "B/all", "B/fluorescence", "B/histology"], rows.Select(r => $"{r.Model}/{r.Group}"));
        var fluorescence = rows.Single(r => r.Model == "A" && r.Group == "fluorescence");
        Assert.Equal(2, fluorescence.Images);
        Assert.Equal((0.75 + 0.25) / 2, fluorescence.Dsb2018, 12);
        Assert.Equal(0.75, fluorescence.F1At05, 12);
        Assert.Equal(["z", "y"], comparison.Worst("A", 2).Select(r => r.Id));
        Assert.Equal(["x", "y"], comparison.Worst("B", 2).Select(r => r.Id)); // 0.5 and 0.5: ties by id
        var figure = ComparisonFigures.GroupBars(comparison, groups);
        Assert.Contains("fluorescence (2)", figure.Json.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("A (DSB2018 0.333)", ComparisonFigures.ScoreVersusThreshold(comparison).Json.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluations_of_different_images_or_without_a_column_are_refused_by_name()
    {
        var a = EvaluationTable.Read(Evaluation("a", ("x", Steps(1, 1), 1)));
        var b = EvaluationTable.Read(Evaluation("b", ("w", Steps(1, 1), 1)));
        var error = Assert.Throws<InputException>(() => new ModelComparison(new Dictionary<string, IReadOnlyList<ImageScores>> { ["A"] = a, ["B"] = b }));
        Assert.Contains("'B' and 'A' scored different images (e.g. w)", error.Message, StringComparison.Ordinal);
        var twice = EvaluationTable.Read(Evaluation("twice", ("x", Steps(1, 1), 1), ("x", Steps(1, 1), 1)));
        Assert.Contains("image x is scored 2 times", Assert.Throws<InputException>(() => new ModelComparison(new Dictionary<string, IReadOnlyList<ImageScores>> { ["T"] = twice })).Message, StringComparison.Ordinal);
        string broken = Path.Combine(dir, "broken.csv");
        File.WriteAllText(broken, "id,width\nx,3\n");
        Assert.Contains("no column 'height'", Assert.Throws<InputException>(() => EvaluationTable.Read(broken)).Message, StringComparison.Ordinal);
    }
}
