using Research.Torch.Detection;
using static TorchSharp.torch;

namespace Research.Torch.Tests.Detection;

/// <summary>NMS and batched NMS against torchvision 0.14's kept indices (tied scores and duplicate boxes included).</summary>
public sealed class NmsTests
{
    [Fact]
    public void Nms_and_batched_nms_keep_exactly_torchvision_indices()
    {
        using var scope = NewDisposeScope();
        var golden = DetectionGolden.Root.GetProperty("nms");
        var boxes = DetectionGolden.Float(golden.GetProperty("boxes"));
        var scores = DetectionGolden.Float(golden.GetProperty("scores"));
        var categories = tensor(DetectionGolden.Longs(golden.GetProperty("idxs")));
        foreach (var item in golden.GetProperty("cases").EnumerateArray())
        {
            double threshold = item.GetProperty("iou_threshold").GetDouble();
            Assert.Equal(DetectionGolden.Longs(item.GetProperty("keep")), Nms.Apply(boxes, scores, threshold).data<long>().ToArray());
            Assert.Equal(DetectionGolden.Longs(item.GetProperty("batched_keep")),
                Nms.Batched(boxes, scores, categories, threshold).data<long>().ToArray());
        }
    }

    [Fact]
    public void Hand_computed_cases_ties_threshold_and_categories()
    {
        using var scope = NewDisposeScope();
        // Boxes 0 and 1 overlap with IoU 1/3 (area 2 each, intersection 1); box 2 is far away; 0 and 2 share a score.
        var boxes = tensor(new float[] { 0, 0, 2, 1, 1, 0, 3, 1, 10, 10, 11, 11 }).reshape(3, 4);
        var scores = tensor(new float[] { 0.5f, 0.9f, 0.5f });
        Assert.Equal(new long[] { 1, 2 }, Nms.Apply(boxes, scores, 0.3).data<long>().ToArray());
        Assert.Equal(new long[] { 1, 0, 2 }, Nms.Apply(boxes, scores, 0.34).data<long>().ToArray());
        // The float IoU 1/3 (0.33333334) exceeds the double threshold 1/3, as in torchvision's kernel.
        Assert.Equal(new long[] { 1, 2 }, Nms.Apply(boxes, scores, 1.0 / 3).data<long>().ToArray());
        Assert.Equal(new long[] { 1, 0, 2 }, Nms.Batched(boxes, scores, tensor(new long[] { 0, 1, 0 }), 0.3).data<long>().ToArray());
        Assert.Empty(Nms.Apply(zeros(0, 4), zeros(0), 0.5).data<long>().ToArray());
        Assert.Empty(Nms.Batched(zeros(0, 4), zeros(0), zeros(0, dtype: ScalarType.Int64), 0.5).data<long>().ToArray());
    }

    [Fact]
    public void Above_a_thousand_boxes_batched_nms_keeps_torchvision_set_in_score_order()
    {
        // torchvision's CPU batched_nms switches to one nms per category for more than 1,000 boxes and orders the
        // kept boxes with an unstable sort: the same set, tied scores in an order of that sort's making.
        using var scope = NewDisposeScope();
        var golden = DetectionGolden.Root.GetProperty("batched_nms_large");
        var scores = DetectionGolden.Float(golden.GetProperty("scores"));
        long[] ours = Nms.Batched(DetectionGolden.Float(golden.GetProperty("boxes")), scores,
            tensor(DetectionGolden.Longs(golden.GetProperty("idxs"))), golden.GetProperty("iou_threshold").GetDouble()).data<long>().ToArray();
        long[] theirs = DetectionGolden.Longs(golden.GetProperty("keep"));
        Assert.Equal(theirs.Order(), ours.Order());
        float[] s = scores.data<float>().ToArray();
        Assert.Equal(theirs.Select(i => s[i]), ours.Select(i => s[i]));
        Assert.True(theirs.Length < s.Length, "the case suppresses some boxes");
    }
}
