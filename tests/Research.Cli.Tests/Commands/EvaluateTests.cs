using System.Text.Json;
using Research.Imaging;
using Research.Imaging.Codecs;

namespace Research.Cli.Tests.Commands;

public sealed class EvaluateTests
{
    private static void WriteLabels(string path, int width, int height, params (int Index, ushort Label)[] pixels)
    {
        var image = new Image<ushort>(width, height);
        foreach (var (i, l) in pixels) image.Data[i] = l;
        ImageFile.Write(path, image);
    }

    private static (TempFolder Folder, string Truth, string Pred) Folders()
    {
        var t = new TempFolder();
        string truth = t.Combine("truth"), pred = t.Combine("pred");
        Directory.CreateDirectory(truth);
        Directory.CreateDirectory(pred);
        // a: perfect; b: truth only (prediction missing); c: prediction is a PNG, truth a TIFF.
        WriteLabels(Path.Combine(truth, "a.tif"), 4, 4, (0, 1), (1, 1), (10, 2));
        WriteLabels(Path.Combine(pred, "a.png"), 4, 4, (0, 7), (1, 7), (10, 9));
        WriteLabels(Path.Combine(truth, "b.tif"), 4, 4, (5, 3));
        WriteLabels(Path.Combine(truth, "c.tif"), 4, 4, (15, 1));
        WriteLabels(Path.Combine(pred, "c.png"), 4, 4, (15, 4));
        return (t, truth, pred);
    }

    [Fact]
    public void Writes_summary_per_image_and_report_with_exactly_the_issue_keys()
    {
        var (t, truth, pred) = Folders();
        using var _ = t;
        var (code, output, error) = CliRunner.Run("evaluate", "--pred", pred, "--truth", truth, "--out", t.Combine("out"));
        Assert.True(code == 0, error);
        Assert.Contains("no prediction for 'b'", error);
        Assert.Contains("3 images", output);
        using var doc = JsonDocument.Parse(File.ReadAllText(t.Combine("out", "summary.json")));
        var root = doc.RootElement;
        Assert.Equal(["images", "pixel", "pixel_macro", "dsb2018_score", "matching", "ctc", "counting", "centroid", "boundary", "pixel_smoothed"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["iou", "dice", "precision", "recall"], root.GetProperty("pixel").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["0.5", "0.75"], root.GetProperty("matching").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["tp", "fp", "fn", "precision", "recall", "f1", "mean_matched_iou", "pq"], root.GetProperty("matching").GetProperty("0.5").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["seg", "det"], root.GetProperty("ctc").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["mae", "medae", "mpe"], root.GetProperty("counting").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["tp", "fp", "fn", "precision", "recall", "f1"], root.GetProperty("centroid").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["hd95", "nsd"], root.GetProperty("boundary").EnumerateObject().Select(p => p.Name));
        // a and c perfect (score 1), b missing (score 0): DSB2018 = 2/3; matching at 0.5: TP 3, FN 1.
        Assert.Equal(2.0 / 3, root.GetProperty("dsb2018_score").GetDouble(), 12);
        Assert.Equal(1, root.GetProperty("matching").GetProperty("0.5").GetProperty("fn").GetInt32());
        var csv = File.ReadAllLines(t.Combine("out", "per_image.csv"));
        Assert.Equal(4, csv.Length);
        Assert.StartsWith("b,4,4,true,1,0,", csv[2]);
        Assert.Contains("window.Plotly.newPlot(", File.ReadAllText(t.Combine("out", "report.html")));
        using var provenance = JsonDocument.Parse(File.ReadAllText(t.Combine("out", "provenance.json")));
        var components = provenance.RootElement.GetProperty("components");
        Assert.Equal(("0.5 0.75", "3", "1"), (components.GetProperty("taus").GetString(), components.GetProperty("images").GetString(), components.GetProperty("missing_predictions").GetString()));
        Assert.StartsWith("research evaluate", provenance.RootElement.GetProperty("command_line").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Strict_fails_on_a_missing_prediction_and_writes_nothing()
    {
        var (t, truth, pred) = Folders();
        using var _ = t;
        var (code, _, error) = CliRunner.Run("evaluate", "--pred", pred, "--truth", truth, "--out", t.Combine("out"), "--strict");
        Assert.Equal(2, code);
        Assert.Contains("(b)", error);
        Assert.False(Directory.Exists(t.Combine("out")));
    }

    [Fact]
    public void Different_sizes_name_both_files_and_write_nothing()
    {
        var (t, truth, pred) = Folders();
        using var _ = t;
        WriteLabels(Path.Combine(pred, "c.png"), 5, 4, (15, 4));
        var (code, _, error) = CliRunner.Run("evaluate", "--pred", pred, "--truth", truth, "--out", t.Combine("out"));
        Assert.Equal(2, code);
        Assert.Contains(Path.Combine(pred, "c.png"), error);
        Assert.Contains(Path.Combine(truth, "c.tif"), error);
        Assert.False(Directory.Exists(t.Combine("out")));
        Assert.DoesNotContain(Directory.GetDirectories(t.Path), d => Path.GetFileName(d).StartsWith(".out", StringComparison.Ordinal));
    }

    [Fact]
    public void Float_prediction_is_refused_naming_the_file()
    {
        var (t, truth, pred) = Folders();
        using var _ = t;
        File.Delete(Path.Combine(pred, "c.png"));
        ImageFile.Write(Path.Combine(pred, "c.tif"), new Image<float>(4, 4));
        var (code, _, error) = CliRunner.Run("evaluate", "--pred", pred, "--truth", truth, "--out", t.Combine("out"));
        Assert.Equal(2, code);
        Assert.Contains(Path.Combine(pred, "c.tif"), error);
        Assert.Contains("floating point", error);
    }

    [Fact]
    public void Extra_thresholds_add_matching_keys()
    {
        var (t, truth, pred) = Folders();
        using var _ = t;
        var (code, _, error) = CliRunner.Run("evaluate", "--pred", pred, "--truth", truth, "--out", t.Combine("out"), "--tau", "0.5", "0.75", "0.3", "--no-report");
        Assert.True(code == 0, error);
        using var doc = JsonDocument.Parse(File.ReadAllText(t.Combine("out", "summary.json")));
        Assert.Equal(["0.5", "0.75", "0.3"], doc.RootElement.GetProperty("matching").EnumerateObject().Select(p => p.Name));
        Assert.False(File.Exists(t.Combine("out", "report.html")));
    }
}
