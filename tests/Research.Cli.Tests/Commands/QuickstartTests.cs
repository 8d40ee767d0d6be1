using System.Text.Json;
using Research.Imaging;
using Research.Imaging.Codecs;

namespace Research.Cli.Tests.Commands;

public sealed class QuickstartTests
{
    [Fact]
    public void Writes_the_dataset_preview_summary_and_provenance()
    {
        using var temp = new TempFolder();
        string dir = temp.Combine("qs");
        var (code, output, error) = CliRunner.Run("quickstart", "--out", dir, "--count", "5", "--size", "64", "--seed", "3", "--epochs", "2");
        Assert.True(code == 0, error);
        Assert.Contains("summary.md", output, StringComparison.Ordinal);
        Assert.Equal(5, Directory.GetFiles(Path.Combine(dir, "data", "images")).Length);
        Assert.Equal(5, Directory.GetFiles(Path.Combine(dir, "data", "labels")).Length);

        var preview = ImageFile.Read(Path.Combine(dir, "preview.png"));
        Assert.Equal(PixelType.UInt8, preview.PixelType);
        Assert.Equal(3, preview.Channels);
        Assert.Equal(4 * 64 + 5 * 4, preview.Width); // four 64 px tiles and five 4 px gaps

        var augmentation = ImageFile.Read<byte>(Path.Combine(dir, "augmentation.png"));
        Assert.Equal(8 * 64 + 9 * 4, augmentation.Width); // 16 folds in 8 columns of 64 px tiles, 4 px gaps
        Assert.Equal(2 * 64 + 3 * 4, augmentation.Height);
        Assert.Contains("augmentation.png", output, StringComparison.Ordinal);

        using var stats = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "datasheet", "stats.json")));
        Assert.Equal(5, stats.RootElement.GetProperty("images").GetInt32());
        Assert.Equal(5, stats.RootElement.GetProperty("modes").EnumerateObject().Sum(p => p.Value.GetInt32()));
        foreach (string file in new[] { "datasheet.md", "datasheet.html", "croissant.json", "per_image.csv" }) Assert.True(File.Exists(Path.Combine(dir, "datasheet", file)), file);

        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
        Assert.Equal(5, summary.RootElement.GetProperty("images").GetInt32());
        Assert.True(summary.RootElement.GetProperty("objects").GetInt32() >= 5);
        Assert.Contains("# Quickstart summary", File.ReadAllText(Path.Combine(dir, "summary.md")), StringComparison.Ordinal);

        Assert.Equal(3, File.ReadAllLines(Path.Combine(dir, "run", "metrics.csv")).Length); // header and 2 epochs
        Assert.Contains("<svg", File.ReadAllText(Path.Combine(dir, "learning_curves.html")), StringComparison.Ordinal);
        Assert.Equal(5, Directory.GetFiles(Path.Combine(dir, "predictions"), "*.tif").Length);
        Assert.StartsWith("ImageId,EncodedPixels", File.ReadAllText(Path.Combine(dir, "predictions", "submission.csv")), StringComparison.Ordinal);
        Assert.Equal(2, summary.RootElement.GetProperty("training").GetProperty("epoch").GetInt32());
        foreach (string file in new[] { "summary.json", "per_image.csv", "report.html" }) Assert.True(File.Exists(Path.Combine(dir, "evaluation", file)), file);
        Assert.Equal(6, File.ReadAllLines(Path.Combine(dir, "evaluation", "per_image.csv")).Length); // header and 5 images
        using var evaluation = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "evaluation", "summary.json")));
        double score = evaluation.RootElement.GetProperty("dsb2018_score").GetDouble();
        Assert.Equal(score, summary.RootElement.GetProperty("dsb2018_score").GetDouble());
        Assert.InRange(score, 0, 1);
        Assert.Equal(evaluation.RootElement.GetProperty("matching").GetProperty("0.5").GetProperty("f1").GetDouble(), summary.RootElement.GetProperty("f1_at05").GetDouble());
        Assert.Contains("DSB2018 score / F1 at IoU 0.5", File.ReadAllText(Path.Combine(dir, "summary.md")), StringComparison.Ordinal);

        using var provenance = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "provenance.json")));
        Assert.Equal(3UL, provenance.RootElement.GetProperty("seed").GetUInt64());
        Assert.Equal("2.10.0", provenance.RootElement.GetProperty("components").GetProperty("libtorch").GetString());
        Assert.StartsWith("research quickstart", provenance.RootElement.GetProperty("command_line").GetString(), StringComparison.Ordinal);

        AssertNamesNoTemporaryFolder(dir);
        string full = Path.GetFullPath(dir);
        Assert.Contains($"Computed parts measured from {Path.Combine(full, "data")} (", File.ReadAllText(Path.Combine(dir, "datasheet", "datasheet.md")), StringComparison.Ordinal);
        using var predictions = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "predictions", "provenance.json")));
        Assert.Equal(Path.Combine(full, "run"), predictions.RootElement.GetProperty("components").GetProperty("run").GetString());
    }

    /// <summary>No file or folder of the output, and no byte of any file, names a staging folder or a temporary file.</summary>
    private static void AssertNamesNoTemporaryFolder(string dir)
    {
        string[] marks = [".staging-", ".tmp-", ".old-", ".tmp\"", ".tmp/"];
        var files = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).ToList();
        Assert.True(files.Count > 30, $"only {files.Count} files under {dir}");
        foreach (string entry in Directory.EnumerateFileSystemEntries(dir, "*", SearchOption.AllDirectories))
        {
            Assert.False(Path.GetFileName(entry).StartsWith('.'), $"{entry}: a hidden (temporary) name in the output");
        }
        foreach (string file in files)
        {
            string text = System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(file));
            foreach (string mark in marks)
            {
                int at = text.IndexOf(mark, StringComparison.Ordinal);
                Assert.True(at < 0, $"{file} names a temporary folder: ...{text[Math.Max(0, at - 80)..Math.Min(text.Length, at + 40)]}...");
            }
        }
    }
}
