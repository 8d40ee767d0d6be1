using System.Text.Json;
using Research.Datasets.Manifests;
using Research.Imaging;
using Research.Imaging.Codecs;
using Research.Metrics;
using Research.Metrics.Evaluation;
using Research.Processing.Labels;

namespace Research.Tests.Bh2019;

/// <summary>
/// The BH2019 project's published test predictions against the truth, on the real data in ../shared/data/bh2019,
/// with the code `research evaluate --pair sorted --pred-pattern '*_Pred_Binary.png' --resize-pred nearest --binary four`
/// runs; golden values from NumPy/OpenCV (tests/reference/bh2019_metrics.py).
/// </summary>
public sealed class Bh2019PublishedBaselineTests
{
    private static JsonElement Golden()
    {
        string path = TestSupport.Repository.PathOf(Path.Combine("tests", "Research.Tests", "Metrics", "Fixtures", "bh2019-published.json"));
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone();
    }

    [Fact]
    public void Published_predictions_score_as_the_reference_computes()
    {
        string data = TestSupport.Repository.SharedData("bh2019");
        var manifest = ManifestRegistry.Load().Get("bh2019-kidney-em-nucleus");
        string test = Path.Combine(data, "test");
        var predictions = new OrderedPredictions(Path.Combine(data, "published-test-predictions"), "*_Pred_Binary.png", DatasetPairSource.TruthIds(manifest, test));
        var source = new DatasetPairSource(predictions, manifest, test, strict: true);
        var options = new EvaluationOptions { BinaryComponents = Connectivity.Four, ResizePredictions = PredictionResize.Nearest, Boundary = false };
        using var temp = new Research.Tests.Imaging.Codecs.TempFolder();
        var result = EvaluationRun.Run(source, options, Path.Combine(temp.Path, "eval"), force: false);

        var golden = Golden();
        var rows = golden.GetProperty("images").EnumerateArray().ToList();
        Assert.Equal(rows.Count, result.Images.Count);
        for (int k = 0; k < rows.Count; k++)
        {
            var (row, m) = (rows[k], result.Images[k]);
            Assert.Equal(row.GetProperty("id").GetString(), m.Id);
            Assert.Equal((row.GetProperty("tp").GetInt64(), row.GetProperty("fp").GetInt64(), row.GetProperty("fn").GetInt64()),
                (m.Pixel.TruePositives, m.Pixel.FalsePositives, m.Pixel.FalseNegatives));
        }
        var s = result.Summary;
        var micro = golden.GetProperty("micro");
        var mean = golden.GetProperty("mean");
        Assert.Equal(micro.GetProperty("iou").GetDouble(), s.Pixel.Iou, 12);
        Assert.Equal(micro.GetProperty("dice").GetDouble(), s.Pixel.Dice, 12);
        Assert.Equal(mean.GetProperty("iou").GetDouble(), s.PixelMacro.Iou, 12);
        Assert.Equal(mean.GetProperty("dice").GetDouble(), s.PixelMacro.Dice, 12);
        Assert.Equal(micro.GetProperty("smoothed_iou").GetDouble(), s.PixelSmoothed.Iou, 12);
        Assert.Equal(micro.GetProperty("smoothed_dice").GetDouble(), s.PixelSmoothed.Dice, 12);
        Assert.Equal(mean.GetProperty("smoothed_iou").GetDouble(), s.PixelSmoothed.IouMean, 12);
        Assert.Equal(mean.GetProperty("smoothed_dice").GetDouble(), s.PixelSmoothed.DiceMean, 12);
        // The figures the data README and the issue quote.
        Assert.Equal(0.971, Math.Round(s.Pixel.Iou, 3));
        Assert.Equal(0.956, Math.Round(s.PixelMacro.Iou, 3));
        Assert.Equal(0.985, Math.Round(s.Pixel.Dice, 3));
        Assert.Equal(new PredictionResizeSummary("nearest", 7, 7), s.PredictionResize);
        Assert.Contains("0001_05_Test_Res_DL_Pred_Binary.png = NepKid_12-000", File.ReadAllText(Path.Combine(temp.Path, "eval", "provenance.json")));
    }

    [Fact]
    public void One_bit_masks_and_grey_palette_predictions_read_as_one_grey_channel()
    {
        string data = TestSupport.Repository.SharedData("bh2019");
        var mask = ImageFile.Read(Path.Combine(data, "test", "masks", "NepKid_12-000.png"));
        Assert.Equal((1, PixelType.UInt8), (mask.Channels, mask.PixelType));
        var maskBytes = (Image<byte>)mask;
        Assert.Equal([0, 255], maskBytes.Data.Distinct().Order().Select(v => (int)v));
        var prediction = (Image<byte>)ImageFile.Read(Path.Combine(data, "published-test-predictions", "0001_05_Test_Res_DL_Pred_Binary.png"));
        Assert.Equal((1000, 1000, 1), (prediction.Width, prediction.Height, prediction.Channels));
        // The identity grey palette: the values are the palette indices (0, 255 and resampled edge values between).
        Assert.Equal(759419, prediction.Data.Count(v => v == 0));
        Assert.Equal(235664, prediction.Data.Count(v => v == 255));
    }
}
