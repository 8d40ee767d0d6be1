using System.Text.Json;
using Research.Imaging;
using Research.Imaging.Codecs;
using Research.Torch.Sam;

namespace Research.Torch.Tests.Sam;

/// <summary>
/// The files of <c>research sam predict</c> (library side; the tiny SAM of the reference script stands in for a
/// published variant): masks equal to the official predictor's, logits TIFF, predictions.json, provenance; bad
/// prompts refused before anything is written.
/// </summary>
[Collection(nameof(Research.Torch.Tests.Training.TorchProcessState))]
public sealed class SamImagePredictionTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("sam-predict").FullName;

    public void Dispose() => Directory.Delete(dir, true);

    [Fact]
    public void Writes_the_official_mask_its_logits_and_a_record_per_prompt()
    {
        string output = Path.Combine(dir, "out");
        var results = SamImagePrediction.Run(SamFixtures.File("sam_tiny.pth"), SamFixtures.Tiny, "tiny", SamFixtures.File("sam_predictor_image.png"),
            "5,8,30,40", null, null, multimask: true, output, force: false);
        Assert.Single(results);
        var golden = SamFixtures.Golden.GetProperty("predictor").GetProperty("box");
        var ious = golden.GetProperty("iou").GetProperty("data").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        int best = Array.IndexOf(ious, ious.Max());
        Assert.Equal(best, results[0].MaskIndex);
        Assert.Equal(ious[best], results[0].IouPrediction, 4);

        var mask = (Image<byte>)ImageFile.Read(Path.Combine(output, "sam_predictor_image_0.png"));
        Assert.Equal((37, 50), (mask.Width, mask.Height));
        var expected = golden.GetProperty("masks").GetProperty("data").EnumerateArray().Select(e => e.GetDouble()).Skip(best * 37 * 50).Take(37 * 50).ToArray();
        Assert.Equal(expected.Select(v => v > 0 ? (byte)255 : (byte)0), mask.Data);
        Assert.Equal(expected.Count(v => v > 0), results[0].Area);

        var logits = (Image<float>)ImageFile.Read(Path.Combine(output, "sam_predictor_image_0_logits.tif"));
        Assert.Equal((32, 32), (logits.Width, logits.Height));
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "predictions.json")));
        var record = doc.RootElement.EnumerateArray().Single();
        Assert.Equal("sam_predictor_image", record.GetProperty("image").GetString());
        Assert.Equal(0, record.GetProperty("index").GetInt32());
        Assert.Equal([5f, 8f, 30f, 40f], record.GetProperty("box").EnumerateArray().Select(e => e.GetSingle()));
        Assert.Equal(3, record.GetProperty("iou_predictions").GetArrayLength());
        using var provenance = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "provenance.json")));
        Assert.Contains("weights_sha256", provenance.RootElement.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Boxes_from_a_label_image_give_one_prompt_per_object_and_an_instance_label_image()
    {
        var truth = new Image<ushort>(37, 50);
        for (int y = 5; y < 20; y++) for (int x = 4; x < 15; x++) truth.Data[y * 37 + x] = 12;
        for (int y = 25; y < 45; y++) for (int x = 18; x < 33; x++) truth.Data[y * 37 + x] = 40;
        string labels = Path.Combine(dir, "truth.tif");
        ImageFile.Write(labels, truth);
        string output = Path.Combine(dir, "out");
        var results = SamImagePrediction.Run(SamFixtures.File("sam_tiny.pth"), SamFixtures.Tiny, "tiny", SamFixtures.File("sam_predictor_image.png"),
            null, null, labels, multimask: false, output, force: false);
        Assert.Equal([12, 40], results.Select(r => r.SourceLabel!.Value));
        Assert.Equal([4f, 5f, 15f, 20f], results[0].Box!);
        Assert.Equal([18f, 25f, 33f, 45f], results[1].Box!);
        var combined = (Image<ushort>)ImageFile.Read(Path.Combine(output, "labels", "sam_predictor_image.tif"));
        Assert.Equal((37, 50), (combined.Width, combined.Height));
        // every labelled pixel belongs to a prompt whose own mask holds it
        for (int k = 0; k < 2; k++)
        {
            var mask = (Image<byte>)ImageFile.Read(Path.Combine(output, $"sam_predictor_image_{k}.png"));
            Assert.All(Enumerable.Range(0, combined.Data.Length).Where(i => combined.Data[i] == k + 1), i => Assert.Equal(255, mask.Data[i]));
        }
        Assert.True(combined.Data.Count(v => v != 0) <= results.Sum(r => r.Area), "the label image cannot hold more pixels than the masks");

        var small = Path.Combine(dir, "small.tif");
        ImageFile.Write(small, new Image<ushort>(10, 10, 1, [.. Enumerable.Repeat((ushort)1, 100)]));
        var e = Assert.Throws<InputException>(() => SamImagePrediction.Run(SamFixtures.File("sam_tiny.pth"), SamFixtures.Tiny, "tiny",
            SamFixtures.File("sam_predictor_image.png"), null, null, small, multimask: false, Path.Combine(dir, "out2"), force: false));
        Assert.Contains("small.tif: 10 x 10 labels for the 37 x 50 image", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("5,8,30", null, "--boxes item 1 ('5,8,30'): expected 4 comma-separated numbers")]
    [InlineData("30,8,5,40", null, "x1 must exceed x0")]
    [InlineData("5,8,30,60", null, "lies outside the 37 x 50 image")]
    [InlineData(null, "10,12,2", "the label is 1 (object) or 0 (background)")]
    [InlineData("1,1,5,5;6,6,9,9", "3,3", "--points go with one box or none")]
    [InlineData(null, null, "give at least one prompt")]
    public void Bad_prompts_are_refused_and_nothing_is_written(string? boxes, string? points, string message)
    {
        string output = Path.Combine(dir, "out");
        var e = Assert.Throws<InputException>(() => SamImagePrediction.Run(SamFixtures.File("sam_tiny.pth"), SamFixtures.Tiny, "tiny",
            SamFixtures.File("sam_predictor_image.png"), boxes, points, null, multimask: false, output, force: false));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir));
    }
}
