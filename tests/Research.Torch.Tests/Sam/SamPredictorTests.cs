using Research.Torch.Sam;
using Research.Torch.Tests.Detection;
using static TorchSharp.torch;

namespace Research.Torch.Tests.Sam;

/// <summary>
/// The whole SamPredictor path against the official one on a 37 x 50 RGB image (Pillow's bilinear resize of the longest
/// side to 64, coordinate scaling, post-processing to the original size): embedding, logits, IoU and masks.
/// </summary>
[Collection(nameof(Research.Torch.Tests.Training.TorchProcessState))]
public sealed class SamPredictorTests
{
    [Fact]
    public void A_box_and_points_predict_as_the_official_predictor()
    {
        using var model = new SamModel(SamFixtures.Tiny);
        SamCheckpoint.Load(model, SamFixtures.File("sam_tiny.pth"));
        using var predictor = new SamPredictor(model);
        var image = (Research.Imaging.Image<byte>)Research.Imaging.Codecs.ImageFile.Read(SamFixtures.File("sam_predictor_image.png"));
        predictor.SetImage(image);
        var golden = SamFixtures.Golden.GetProperty("predictor");
        Assert.Equal(golden.GetProperty("input_size").EnumerateArray().Select(e => e.GetInt32()).ToArray(), new[] { predictor.InputSize.H, predictor.InputSize.W });
        DetectionGolden.AssertClose(DetectionGolden.Float(golden.GetProperty("features")), predictor.Embedding, 1e-4, "embedding");

        var box = golden.GetProperty("box").GetProperty("box").EnumerateArray().Select(e => (float)e.GetDouble()).ToArray();
        using (var p = predictor.Predict(new float[,] { { box[0], box[1], box[2], box[3] } }, null, null, multimask: true))
            Check(golden.GetProperty("box"), p, "box");

        var pts = golden.GetProperty("points");
        var xy = pts.GetProperty("points").EnumerateArray().Select(a => a.EnumerateArray().Select(e => (float)e.GetDouble()).ToArray()).ToArray();
        var lab = pts.GetProperty("labels").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        using (var p = predictor.Predict(null, new float[,,] { { { xy[0][0], xy[0][1] }, { xy[1][0], xy[1][1] } } }, new int[,] { { lab[0], lab[1] } }, multimask: false))
            Check(pts, p, "points");
    }

    private static void Check(System.Text.Json.JsonElement golden, SamPrediction prediction, string what)
    {
        // the official predict() drops the batch dimension of a single prompt
        DetectionGolden.AssertClose(DetectionGolden.Float(golden.GetProperty("iou")), prediction.Iou[0], 1e-4, $"{what}: IoU");
        DetectionGolden.AssertClose(DetectionGolden.Float(golden.GetProperty("low_res")), prediction.LowResolution[0], 1e-4, $"{what}: low-resolution logits");
        var expected = DetectionGolden.Float(golden.GetProperty("masks"));
        var ours = prediction.Masks[0].to(ScalarType.Float32);
        Assert.Equal(expected.shape, ours.shape);
        long differing = expected.ne(ours).sum().item<long>();
        Assert.True(differing == 0, $"{what}: {differing} mask pixels differ");
    }
}
