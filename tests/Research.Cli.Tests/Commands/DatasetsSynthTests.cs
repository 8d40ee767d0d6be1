using System.Security.Cryptography;
using System.Text.Json;
using Research.Imaging;
using Research.Imaging.Codecs;
using Research.Processing.Labels;

namespace Research.Cli.Tests.Commands;

public sealed class DatasetsSynthTests
{
    [Fact]
    public void Writes_images_labels_and_index()
    {
        using var temp = new TempFolder();
        string dir = temp.Combine("synth");
        var (code, output, error) = CliRunner.Run("datasets", "synth", "--out", dir, "--count", "3", "--size", "64", "--seed", "7");
        Assert.True(code == 0, error);
        Assert.Contains("Wrote 3 images", output, StringComparison.Ordinal);
        Assert.Equal(["synth-0000.png", "synth-0001.png", "synth-0002.png"], Directory.GetFiles(Path.Combine(dir, "images")).Select(Path.GetFileName).Order());
        foreach (var file in Directory.GetFiles(Path.Combine(dir, "labels")))
        {
            var labels = ImageFile.Read<ushort>(file);
            Assert.Equal((64, 64, 1), (labels.Width, labels.Height, labels.Channels));
            var pieces = LabelComponents.PiecesPerLabel(labels.Data.Select(v => (int)v).ToArray(), 64, 64, Connectivity.Four);
            Assert.NotEmpty(pieces);
            Assert.All(pieces.Values, p => Assert.Equal(1, p));
        }
        using var index = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "synthetic-nuclei.json")));
        Assert.Equal("synthetic-nuclei", index.RootElement.GetProperty("dataset").GetString());
        Assert.Equal(7UL, index.RootElement.GetProperty("options").GetProperty("seed").GetUInt64());
        Assert.Equal(3, index.RootElement.GetProperty("samples").GetArrayLength());
        Assert.Empty(Directory.GetDirectories(temp.Path, ".*staging*"));
    }

    [Fact]
    public void The_same_seed_gives_byte_identical_files()
    {
        using var temp = new TempFolder();
        string[] Args(string name) => ["datasets", "synth", "--out", temp.Combine(name), "--count", "4", "--size", "96", "--seed", "11", "--bits", "16"];
        Assert.Equal(0, CliRunner.Run(Args("a")).ExitCode);
        Assert.Equal(0, CliRunner.Run(Args("b")).ExitCode);
        Assert.Equal(HashTree(temp.Combine("a")), HashTree(temp.Combine("b")));
        var image = ImageFile.Read(temp.Combine("a", "images", "synth-0000.png"));
        Assert.Equal(PixelType.UInt16, image.PixelType);
    }

    [Theory]
    [InlineData("--size", "16", "--size must be at least 32")]
    [InlineData("--count", "-1", "--count must be at least 1")]
    [InlineData("--bits", "12", "--bits must be 8 or 16")]
    public void Bad_values_exit_2_with_one_line_and_write_nothing(string option, string value, string message)
    {
        using var temp = new TempFolder();
        string dir = temp.Combine("out");
        var (code, output, error) = CliRunner.Run("datasets", "synth", "--out", dir, option, value);
        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Equal("", output);
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public void Unknown_options_are_usage_errors()
    {
        var (code, _, error) = CliRunner.Run("datasets", "synth", "--out", "x", "--colour", "red");
        Assert.Equal(2, code);
        Assert.Contains("--colour", error, StringComparison.Ordinal);
        Assert.Contains("research datasets synth --help", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_parent_folder_is_a_usage_error()
    {
        using var temp = new TempFolder();
        var (code, _, error) = CliRunner.Run("datasets", "synth", "--out", temp.Combine("no", "such", "dir"), "--count", "1", "--size", "32");
        Assert.Equal(2, code);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unwritable_output_folder_is_a_usage_error()
    {
        var (code, _, error) = CliRunner.Run("datasets", "synth", "--out", "/proc/research-cannot-write-here", "--count", "1", "--size", "32");
        Assert.Equal(2, code);
        Assert.Contains("cannot write", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_existing_folder_needs_force()
    {
        using var temp = new TempFolder();
        string dir = temp.Combine("out");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "keep.txt"), "mine");
        var refused = CliRunner.Run("datasets", "synth", "--out", dir, "--count", "1", "--size", "32");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--force", refused.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir, "keep.txt")));
        var forced = CliRunner.Run("datasets", "synth", "--out", dir, "--count", "1", "--size", "32", "--force");
        Assert.Equal(0, forced.ExitCode);
        Assert.False(File.Exists(Path.Combine(dir, "keep.txt")));
        Assert.True(File.Exists(Path.Combine(dir, "images", "synth-0000.png")));
    }

    [Fact]
    public void Layout_ctc_writes_a_cell_tracking_challenge_sequence_that_validates()
    {
        using var temp = new TempFolder();
        string dir = temp.Combine("timelapse");
        var (code, output, error) = CliRunner.Run("datasets", "synth", "--layout", "ctc", "--out", dir, "--count", "5", "--size", "64", "--seed", "9");
        Assert.True(code == 0, error);
        Assert.Matches(@"^Wrote 5 frames with \d+ tracks \(\d+ divisions\) in the CTC layout to ", output);
        Assert.Equal(["t000.tif", "t001.tif", "t002.tif", "t003.tif", "t004.tif"], Directory.GetFiles(Path.Combine(dir, "01")).Select(Path.GetFileName).Order());
        Assert.Equal(5, Directory.GetFiles(Path.Combine(dir, "01_GT", "SEG"), "man_seg*.tif").Length);
        Assert.Equal(5, Directory.GetFiles(Path.Combine(dir, "01_GT", "TRA"), "man_track*.tif").Length);
        Assert.True(File.Exists(Path.Combine(dir, "01_GT", "TRA", "man_track.txt")));
        Assert.False(Directory.Exists(Path.Combine(dir, "images")));
        var validated = CliRunner.Run("datasets", "validate", "synthetic-timelapse", "--root", dir);
        Assert.True(validated.ExitCode == 0, validated.Output + validated.Error);
        Assert.Contains("5 images, 5 with truth", validated.Output + validated.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Layout_ctc_refuses_bad_values_with_one_line_and_writes_nothing()
    {
        using var temp = new TempFolder();
        var (code, output, error) = CliRunner.Run("datasets", "synth", "--layout", "ctc", "--out", temp.Combine("out"), "--count", "0");
        Assert.Equal(2, code);
        Assert.Contains("--count must be between 1 and 10000 frames", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Equal("", output);
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public void An_unknown_layout_is_a_usage_error()
    {
        using var temp = new TempFolder();
        var (code, _, error) = CliRunner.Run("datasets", "synth", "--layout", "coco", "--out", temp.Combine("x"));
        Assert.Equal(2, code);
        Assert.Contains("coco", error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    private static Dictionary<string, string> HashTree(string root) =>
        Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));
}
