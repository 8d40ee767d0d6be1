using Research.Torch.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Research.Torch.Detection;

/// <summary>
/// Non-maximum suppression as torchvision 0.14 defines it: boxes sorted by score, descending, ties in index order
/// (a stable sort); a box is kept unless a kept box before it overlaps it with IoU above the threshold. The IoU matrix
/// of the sorted boxes is computed once on the tensors' device, thresholded, and copied to the CPU once; the greedy
/// pass then reads that one array (no per-box <c>.item()</c> calls).
/// </summary>
public static class Nms
{
    /// <summary>
    /// Indices (int64) of the kept boxes, in decreasing order of score (torchvision's <c>nms</c>).
    /// </summary>
    public static Tensor Apply(Tensor boxes, Tensor scores, double iouThreshold)
    {
        ArgumentNullException.ThrowIfNull(boxes);
        ArgumentNullException.ThrowIfNull(scores);
        if (boxes.dim() != 2 || boxes.shape[1] != 4 || scores.dim() != 1 || scores.shape[0] != boxes.shape[0])
            throw new ArgumentException($"nms needs boxes [N, 4] and scores [N], got [{string.Join(", ", boxes.shape)}] and [{string.Join(", ", scores.shape)}]");
        int n = checked((int)boxes.shape[0]);
        if (n == 0) return empty(0, dtype: ScalarType.Int64, device: boxes.device);
        using var scope = NewDisposeScope();
        var order = scores.sort(0, descending: true, stable: true).Indices;
        var sorted = boxes.index_select(0, order);
        // torchvision compares the float IoU with the double threshold: iou > t exactly when iou > the largest float <= t.
        float threshold = (float)iouThreshold;
        if (threshold > iouThreshold) threshold = MathF.BitDecrement(threshold);
        using var limit = threshold.ToScalar();
        var overlaps = BoxOps.BoxIou(sorted, sorted).gt(limit).cpu();
        bool[] over = overlaps.data<bool>().ToArray();
        long[] orderCpu = order.cpu().data<long>().ToArray();
        var removed = new bool[n];
        var kept = new List<long>();
        for (int i = 0; i < n; i++)
        {
            if (removed[i]) continue;
            kept.Add(orderCpu[i]);
            long row = (long)i * n;
            for (int j = i + 1; j < n; j++)
                if (over[row + j]) removed[j] = true;
        }
        return tensor(kept.ToArray(), dtype: ScalarType.Int64, device: boxes.device).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// NMS within each category of <paramref name="categories"/> (int64 <c>[N]</c>), never across categories, by
    /// torchvision's coordinate trick: each category's boxes are shifted by <c>category * (max coordinate + 1)</c> so
    /// that boxes of different categories never overlap. Indices in decreasing order of score.
    /// </summary>
    public static Tensor Batched(Tensor boxes, Tensor scores, Tensor categories, double iouThreshold)
    {
        ArgumentNullException.ThrowIfNull(boxes);
        ArgumentNullException.ThrowIfNull(categories);
        if (boxes.numel() == 0) return empty(0, dtype: ScalarType.Int64, device: boxes.device);
        using var scope = NewDisposeScope();
        using var one = 1.ToScalar();
        var maxCoordinate = boxes.max();
        var offsets = categories.to_type(boxes.dtype).mul(maxCoordinate.add(one, one));
        var shifted = GcSafe.Add(boxes, offsets.unsqueeze(1));
        return Apply(shifted, scores, iouThreshold).MoveToOuterDisposeScope();
    }
}
