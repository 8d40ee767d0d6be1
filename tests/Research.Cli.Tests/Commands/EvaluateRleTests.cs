using System.Text.Json;
using Research.Imaging;
using Research.Imaging.Codecs;

namespace Research.Cli.Tests.Commands;

public sealed class EvaluateRleTests
{
    [Fact]
    public void A_kaggle_rle_submission_is_evaluated_against_label_files()
    {
        using var t = new TempFolder();
        string truth = t.Combine("truth");
        Directory.CreateDirectory(truth);
        // Truth a: objects 1 (pixels 0,1) and 2 (pixel 10) in a 4x4 image; b: object at pixel 5.
        var a = new Image<ushort>(4, 4);
        a.Data[0] = a.Data[1] = 1;
        a.Data[10] = 2;
        ImageFile.Write(Path.Combine(truth, "a.tif"), a);
        var b = new Image<ushort>(4, 4);
        b.Data[5] = 1;
        ImageFile.Write(Path.Combine(truth, "b.tif"), b);
        // Column-major, 1-based: pixel (x,y) is number x*4 + y + 1. a's object 1 = (0,0),(1,0) -> 1 and 5;
        // object 2 = index 10 = (2,2) -> 11. b's object (1,1) -> 6 is predicted shifted to (2,1) -> 10: a miss.
        string csv = t.Combine("submission.csv");
        File.WriteAllText(csv, "ImageId,EncodedPixels\na,1 1 5 1\na,11 1\nb,10 1\n");
        var (code, output, error) = CliRunner.Run("evaluate", "--pred-rle", csv, "--truth", truth, "--out", t.Combine("out"), "--no-report");
        Assert.True(code == 0, error);
        Assert.Contains("2 images", output, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(File.ReadAllText(t.Combine("out", "summary.json")));
        var matching = doc.RootElement.GetProperty("matching").GetProperty("0.5");
        Assert.Equal(2, matching.GetProperty("tp").GetInt32()); // a's two objects
        Assert.Equal(1, matching.GetProperty("fp").GetInt32());  // b's shifted object
        Assert.Equal(1, matching.GetProperty("fn").GetInt32());
        Assert.Equal(0.5, doc.RootElement.GetProperty("dsb2018_score").GetDouble(), 12); // a scores 1, b scores 0
    }

    [Fact]
    public void ImageIds_that_match_no_true_file_are_a_clear_error()
    {
        using var t = new TempFolder();
        string truth = t.Combine("truth");
        Directory.CreateDirectory(truth);
        ImageFile.Write(Path.Combine(truth, "a.tif"), new Image<ushort>(4, 4));
        string csv = t.Combine("submission.csv");
        File.WriteAllText(csv, "ImageId,EncodedPixels\nzzz,1 1\n");
        var (code, _, error) = CliRunner.Run("evaluate", "--pred-rle", csv, "--truth", truth, "--out", t.Combine("out"));
        Assert.Equal(2, code);
        Assert.Contains("'zzz'", error, StringComparison.Ordinal);
        Assert.Contains("identifiers must equal the true files' stems", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(t.Combine("out")));
    }

    [Fact]
    public void Exactly_one_prediction_source_is_required()
    {
        var (code, _, error) = CliRunner.Run("evaluate", "--truth", "t", "--out", "o");
        Assert.Equal(2, code);
        Assert.Contains("exactly one of --pred DIR", error, StringComparison.Ordinal);
    }
}
