using System.Text.Json.Nodes;
using Research.Metrics;
using Research.Plots;

namespace Research.Tests.Plots;

/// <summary>
/// The evaluation figures on two hand-checked 2 x 2 images: "a" predicted exactly (one object, IoU 1: every score 1),
/// "b" with its one object missed (no prediction: every score 0).
/// </summary>
public sealed class MetricFiguresTests
{
    private static readonly EvaluationOptions Options = new();

    private static IReadOnlyList<ImageMetrics> Images() => Evaluator.Evaluate(
    [
        new LabelPair("a", new LabelImage(2, 2, [1, 1, 0, 0]), new LabelImage(2, 2, [1, 1, 0, 0])),
        new LabelPair("b", new LabelImage(2, 2, [1, 0, 0, 0]), new LabelImage(2, 2, [0, 0, 0, 0])),
    ], Options).Images;

    private static double[] Numbers(JsonNode? array) => [.. array!.AsArray().Select(v => (double)v!)];

    [Fact]
    public void Score_versus_threshold_is_the_mean_over_images_at_each_threshold()
    {
        var json = MetricFigures.ScoreVersusThreshold(Images()).Json;
        var trace = json["data"]!.AsArray().Single()!;
        Assert.Equal("scatter", (string?)trace["type"]);
        Assert.Equal("lines+markers", (string?)trace["mode"]);
        Assert.Equal("DSB2018 score_t (mean over images)", (string?)trace["name"]);
        Assert.Equal([0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95], Numbers(trace["x"]), new ToleranceComparer(1e-12));
        Assert.Equal(Enumerable.Repeat(0.5, 10), Numbers(trace["y"]));
        Assert.Equal("IoU threshold t (match when IoU > t)", (string?)json["layout"]!["xaxis"]!["title"]!["text"]);
        Assert.Equal([0, 1.02], Numbers(json["layout"]!["yaxis"]!["range"]));
    }

    [Fact]
    public void Per_image_distributions_are_one_box_per_metric_with_every_image()
    {
        var json = MetricFigures.PerImageDistributions(Images(), Options).Json;
        var traces = json["data"]!.AsArray();
        Assert.Equal(["DSB2018", "pixel IoU", "pixel Dice", "F1 @ 0.5", "CTC SEG"], traces.Select(t => (string?)t!["name"]));
        Assert.All(traces, t =>
        {
            Assert.Equal("box", (string?)t!["type"]);
            Assert.Equal("all", (string?)t["boxpoints"]);
            Assert.Equal(0.4, (double)t["jitter"]!);
            Assert.Equal([1.0, 0.0], Numbers(t["y"]));
        });
        Assert.Equal("per-image score", (string?)json["layout"]!["yaxis"]!["title"]!["text"]);
    }

    [Fact]
    public void Counts_are_points_per_image_with_the_identity_line()
    {
        var traces = MetricFigures.Counts(Images()).Json["data"]!.AsArray();
        Assert.Equal("markers", (string?)traces[0]!["mode"]);
        Assert.Equal("images", (string?)traces[0]!["name"]);
        Assert.Equal([1.0, 1.0], Numbers(traces[0]!["x"]));
        Assert.Equal([1.0, 0.0], Numbers(traces[0]!["y"]));
        Assert.Equal(["a", "b"], traces[0]!["text"]!.AsArray().Select(v => (string?)v));
        Assert.Equal("n_pred = n_true", (string?)traces[1]!["name"]);
        Assert.Equal("lines", (string?)traces[1]!["mode"]);
        Assert.Equal([0.0, 1.0], Numbers(traces[1]!["x"]));
        Assert.Equal([0.0, 1.0], Numbers(traces[1]!["y"]));
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
