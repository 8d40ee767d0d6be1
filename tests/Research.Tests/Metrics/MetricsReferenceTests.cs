using System.Text.Json;
using Research.Metrics;
using Research.Metrics.Evaluation;
using Research.Tests.TestSupport;

namespace Research.Tests.Metrics;

/// <summary>
/// Our metrics against the independent NumPy implementation of tests/reference/metrics_reference.py on its 16 label
/// pairs (splits, merges, misses, extras, shifted and dilated/eroded boundaries, renumbered labels, empty cases).
/// </summary>
public sealed class MetricsReferenceTests
{
    private const double Tol = 1e-9;
    private static readonly string Folder = TestSupport.Repository.PathOf("tests/Research.Tests/Metrics/Fixtures");
    private static readonly EvaluationOptions Options = new() { Taus = [0.5, 0.75, 0.3] };

    private static (IReadOnlyList<ImageMetrics> Images, EvaluationSummary Summary, JsonElement Golden) Run()
    {
        var source = new FolderPairSource(Path.Combine(Folder, "pred"), Path.Combine(Folder, "truth"));
        var result = Evaluator.Evaluate([.. source.Pairs()], Options);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "golden.json")));
        return (result.Images, result.Summary, doc.RootElement.Clone());
    }

    [Fact]
    public void Per_image_values_equal_the_reference()
    {
        var (images, _, golden) = Run();
        Assert.Equal(16, images.Count);
        foreach (var m in images)
        {
            var g = golden.GetProperty("images").GetProperty(m.Id);
            Assert.Equal(g.GetProperty("n_true").GetInt32(), m.TrueObjects);
            Assert.Equal(g.GetProperty("n_pred").GetInt32(), m.PredictedObjects);
            var px = g.GetProperty("pixel");
            Assert.Equal(new PixelCounts(px.GetProperty("tp").GetInt64(), px.GetProperty("fp").GetInt64(), px.GetProperty("fn").GetInt64()), m.Pixel);
            Assert.Equal(px.GetProperty("iou").GetDouble(), m.Pixel.Iou, Tol);
            Assert.Equal(g.GetProperty("dsb2018").GetDouble(), m.Dsb2018, Tol);
            for (int k = 0; k < Options.Taus.Count; k++)
            {
                var gm = g.GetProperty("matching").GetProperty(EvaluationOptions.TauKey(Options.Taus[k]));
                var c = m.Matching[k];
                Assert.True(gm.GetProperty("tp").GetInt64() == c.TruePositives, $"{m.Id} tau {Options.Taus[k]}: tp");
                Assert.Equal(gm.GetProperty("fp").GetInt64(), c.FalsePositives);
                Assert.Equal(gm.GetProperty("fn").GetInt64(), c.FalseNegatives);
                Assert.Equal(gm.GetProperty("sum_iou").GetDouble(), c.SumMatchedIou, Tol);
            }
            var ctc = g.GetProperty("ctc");
            Assert.Equal((ctc.GetProperty("ns").GetInt64(), ctc.GetProperty("fn").GetInt64(), ctc.GetProperty("fp").GetInt64()),
                (m.Ctc.Splits, m.Ctc.Misses, m.Ctc.Extras));
            Assert.Equal(ctc.GetProperty("sum_iou").GetDouble(), m.Ctc.SumIou, Tol);
            var cen = g.GetProperty("centroid");
            Assert.Equal((cen.GetProperty("tp").GetInt64(), cen.GetProperty("fp").GetInt64(), cen.GetProperty("fn").GetInt64()),
                (m.Centroid.TruePositives, m.Centroid.FalsePositives, m.Centroid.FalseNegatives));
            Assert.True(Math.Abs(g.GetProperty("hd95").GetDouble() - m.Hd95!.Value) < Tol, $"{m.Id}: hd95 {m.Hd95} vs {g.GetProperty("hd95")}");
            Assert.Equal(g.GetProperty("nsd").GetDouble(), m.Nsd!.Value, Tol);
        }
    }

    [Fact]
    public void Summary_equals_the_reference_key_by_key()
    {
        var (_, summary, golden) = Run();
        using var ours = JsonDocument.Parse(Research.IO.Json.Serialize(summary));
        AssertSame(golden.GetProperty("summary"), ours.RootElement, "summary");
    }

    private static void AssertSame(JsonElement expected, JsonElement actual, string path)
    {
        if (expected.ValueKind == JsonValueKind.Object)
        {
            Assert.Equal(expected.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal),
                actual.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
            foreach (var p in expected.EnumerateObject()) AssertSame(p.Value, actual.GetProperty(p.Name), path + "." + p.Name);
            return;
        }
        double e = expected.GetDouble(), a = actual.GetDouble();
        Assert.True(Math.Abs(e - a) <= Tol, $"{path}: reference {e}, ours {a}");
    }
}
