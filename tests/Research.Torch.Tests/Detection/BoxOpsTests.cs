using Research.Torch.Detection;
using static TorchSharp.torch;

namespace Research.Torch.Tests.Detection;

/// <summary>Box operations and the box coder against torchvision 0.14 (golden file) and hand-computed cases.</summary>
public sealed class BoxOpsTests
{
    private const double Tolerance = 1e-5;

    [Fact]
    public void Box_coder_encodes_and_decodes_as_torchvision_with_both_weight_sets()
    {
        using var scope = NewDisposeScope();
        var golden = DetectionGolden.Root.GetProperty("box_coder");
        var proposals = DetectionGolden.Float(golden.GetProperty("proposals"));
        var reference = DetectionGolden.Float(golden.GetProperty("reference"));
        var codes = DetectionGolden.Float(golden.GetProperty("codes"));
        foreach (var item in golden.GetProperty("cases").EnumerateArray())
        {
            double[] w = item.GetProperty("weights").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            var coder = new BoxCoder(w[0], w[1], w[2], w[3]);
            DetectionGolden.AssertClose(DetectionGolden.Float(item.GetProperty("encoded")), coder.Encode(reference, proposals), Tolerance, $"encode {w[0]}");
            DetectionGolden.AssertClose(DetectionGolden.Float(item.GetProperty("decoded")), coder.Decode(codes, proposals), Tolerance, $"decode {w[0]}");
        }
    }

    [Fact]
    public void Decoding_an_encoding_gives_back_the_boxes_and_large_sizes_are_clipped()
    {
        using var scope = NewDisposeScope();
        var coder = new BoxCoder(10, 10, 5, 5);
        var anchors = tensor(new float[] { 0, 0, 10, 20, 5, 5, 7, 9 }).reshape(2, 4);
        var targets = tensor(new float[] { 1, 2, 11, 18, 4, 6, 9, 8 }).reshape(2, 4);
        DetectionGolden.AssertClose(targets, coder.Decode(coder.Encode(targets, anchors), anchors), 1e-5, "round trip");
        // dw = 100 / 5 = 20 is clipped to log(1000 / 16): the width becomes 10 * 62.5.
        var decoded = coder.Decode(tensor(new float[] { 0, 0, 100, 0 }).reshape(1, 4), tensor(new float[] { 0, 0, 10, 10 }).reshape(1, 4));
        Assert.Equal(625.0, decoded[0, 2].item<float>() - decoded[0, 0].item<float>(), 3);
    }

    [Fact]
    public void Box_iou_clip_and_small_box_removal_equal_torchvision()
    {
        using var scope = NewDisposeScope();
        var root = DetectionGolden.Root;
        var iou = root.GetProperty("box_iou");
        DetectionGolden.AssertClose(DetectionGolden.Float(iou.GetProperty("iou")),
            BoxOps.BoxIou(DetectionGolden.Float(iou.GetProperty("a")), DetectionGolden.Float(iou.GetProperty("b"))), Tolerance, "box_iou");
        var clip = root.GetProperty("clip");
        DetectionGolden.AssertClose(DetectionGolden.Float(clip.GetProperty("clipped")),
            BoxOps.ClipBoxesToImage(DetectionGolden.Float(clip.GetProperty("boxes")), clip.GetProperty("height").GetInt64(), clip.GetProperty("width").GetInt64()), 0, "clip");
        var small = root.GetProperty("remove_small");
        var boxes = DetectionGolden.Float(small.GetProperty("boxes"));
        foreach (var item in small.GetProperty("cases").EnumerateArray())
            Assert.Equal(DetectionGolden.Longs(item.GetProperty("keep")),
                BoxOps.RemoveSmallBoxes(boxes, item.GetProperty("min_size").GetDouble()).data<long>().ToArray());
    }

    [Fact]
    public void Box_iou_of_hand_computed_boxes()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new float[] { 0, 0, 2, 2 }).reshape(1, 4);
        var b = tensor(new float[] { 1, 1, 3, 3, 0, 0, 2, 2, 5, 5, 6, 6 }).reshape(3, 4);
        Assert.Equal(new[] { 1f / 7, 1f, 0f }, BoxOps.BoxIou(a, b).data<float>().ToArray());
    }
}
