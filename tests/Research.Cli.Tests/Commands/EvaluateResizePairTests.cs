using System.Text.Json;
using Research.Imaging;
using Research.Imaging.Codecs;

namespace Research.Cli.Tests.Commands;

/// <summary>evaluate --resize-pred nearest and --pair sorted, hand-computed.</summary>
public sealed class EvaluateResizePairTests
{
    private static void Write(string path, int width, int height, params int[] foreground)
    {
        var image = new Image<byte>(width, height);
        foreach (int i in foreground) image.Data[i] = 255;
        ImageFile.Write(path, image);
    }

    [Fact]
    public void Half_size_predictions_paired_by_order_are_resized_and_the_summary_says_so()
    {
        using var t = new TempFolder();
        string truth = t.Combine("truth"), pred = t.Combine("pred");
        Directory.CreateDirectory(truth);
        Directory.CreateDirectory(pred);
        // Truth 4x4 with the top-left 2x2 block; the 2x2 prediction 0001 marks its top-left pixel, which nearest
        // resizing to 4x4 turns into that same block: IoU 1. Truth b is the full left half; prediction 0002 marks
        // only its top-left pixel: after resizing TP 4, FN 4, IoU 0.5. An unrelated file is left out by the pattern.
        Write(Path.Combine(truth, "a.png"), 4, 4, 0, 1, 4, 5);
        Write(Path.Combine(truth, "b.png"), 4, 4, 0, 1, 4, 5, 8, 9, 12, 13);
        Write(Path.Combine(pred, "0001_pred.png"), 2, 2, 0);
        Write(Path.Combine(pred, "0002_pred.png"), 2, 2, 0);
        Write(Path.Combine(pred, "0001_input.png"), 2, 2);
        var (code, output, error) = CliRunner.Run("evaluate", "--pred", pred, "--pred-pattern", "*_pred.png", "--pair", "sorted", "--resize-pred", "nearest",
            "--binary", "four", "--truth", truth, "--out", t.Combine("out"), "--no-report");
        Assert.True(code == 0, error);
        Assert.Contains("resized to the truth's size (nearest neighbour): 2 of 2", output);
        using var doc = JsonDocument.Parse(File.ReadAllText(t.Combine("out", "summary.json")));
        var root = doc.RootElement;
        Assert.Equal(0.75, root.GetProperty("pixel_macro").GetProperty("iou").GetDouble(), 12);
        Assert.Equal(8.0 / 12, root.GetProperty("pixel").GetProperty("iou").GetDouble(), 12);
        // Smoothed (s = 1): a (4 + 1) / (4 + 1) = 1, b (4 + 1) / (8 + 1); pooled (8 + 1) / (12 + 1).
        var smoothed = root.GetProperty("pixel_smoothed");
        Assert.Equal((1 + 5.0 / 9) / 2, smoothed.GetProperty("iou_mean").GetDouble(), 12);
        Assert.Equal(9.0 / 13, smoothed.GetProperty("iou").GetDouble(), 12);
        Assert.Equal(2, root.GetProperty("prediction_resize").GetProperty("resized_images").GetInt32());
        string provenance = File.ReadAllText(t.Combine("out", "provenance.json"));
        Assert.Contains("0001_pred.png = a, 0002_pred.png = b", provenance);
        Assert.Contains("2 of 2 resized", provenance);
    }

    [Fact]
    public void Sorted_pairing_with_unequal_counts_names_the_folder_and_both_counts()
    {
        using var t = new TempFolder();
        string truth = t.Combine("truth"), pred = t.Combine("pred");
        Directory.CreateDirectory(truth);
        Directory.CreateDirectory(pred);
        Write(Path.Combine(truth, "a.png"), 4, 4, 0);
        Write(Path.Combine(pred, "1.png"), 4, 4, 0);
        Write(Path.Combine(pred, "2.png"), 4, 4, 0);
        var (code, _, error) = CliRunner.Run("evaluate", "--pred", pred, "--pair", "sorted", "--truth", truth, "--out", t.Combine("out"));
        Assert.Equal(2, code);
        Assert.Contains($"2 prediction file(s) in {pred} match '*' but the truth has 1 image(s)", error);
        Assert.False(Directory.Exists(t.Combine("out")));
    }

    [Fact]
    public void Without_resizing_a_size_difference_suggests_the_option()
    {
        using var t = new TempFolder();
        string truth = t.Combine("truth"), pred = t.Combine("pred");
        Directory.CreateDirectory(truth);
        Directory.CreateDirectory(pred);
        Write(Path.Combine(truth, "a.png"), 4, 4, 0);
        Write(Path.Combine(pred, "a.png"), 2, 2, 0);
        var (code, _, error) = CliRunner.Run("evaluate", "--pred", pred, "--truth", truth, "--out", t.Combine("out"));
        Assert.Equal(2, code);
        Assert.Contains("--resize-pred nearest", error);
        Assert.Contains(Path.Combine(pred, "a.png"), error);
        Assert.Contains(Path.Combine(truth, "a.png"), error);
    }
}
