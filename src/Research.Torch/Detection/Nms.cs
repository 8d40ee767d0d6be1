using Research.Torch.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Research.Torch.Detection;

/// <summary>
/// Non-maximum suppression as torchvision 0.14 defines it: boxes sorted by score, descending, ties in index order
/// (a stable sort); a box is kept unless a kept box before it overlaps it with IoU above the threshold. The IoU matrix
/// rows of the sorted boxes are computed in blocks of 64 boxes not yet suppressed (each block against all later
/// boxes) on the tensors' device, thresholded, and copied to the CPU once per block; the greedy pass then reads
/// those arrays (no per-box <c>.item()</c> calls).
/// </summary>
public static class Nms
{
    // Sorted boxes whose overlaps are computed at once: their IoU with every later box, one block at a time, so
    // that boxes suppressed by earlier blocks are never compared again (as torchvision's kernel skips them).
    private const int Block = 64;

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
        // Columns x1, y1, x2, y2, area of the sorted boxes, so that each block needs one gather.
        var packed = cat([sorted, BoxOps.Area(sorted).unsqueeze(1)], 1).contiguous();
        // torchvision compares the float IoU with the double threshold: iou > t exactly when iou > the largest float <= t.
        float threshold = (float)iouThreshold;
        if (threshold > iouThreshold) threshold = MathF.BitDecrement(threshold);
        using var limit = threshold.ToScalar();
        long[] orderCpu = order.cpu().data<long>().ToArray();
        var removed = new bool[n];
        var kept = new List<long>();
        var alive = new List<long>(Block);
        for (int start = 0; start < n; start += Block)
        {
            alive.Clear();
            for (int i = start; i < Math.Min(n, start + Block); i++)
                if (!removed[i]) alive.Add(i);
            if (alive.Count == 0) continue;
            using var blockScope = NewDisposeScope();
            int columns = n - start;
            var rows = packed.index_select(0, tensor(alive.ToArray(), device: boxes.device));
            var over = Overlaps(rows, packed.narrow(0, start, columns), limit).cpu().contiguous();
            byte[] flags = over.bytes.ToArray();
            for (int a = 0; a < alive.Count; a++)
            {
                int i = (int)alive[a];
                if (removed[i]) continue;
                kept.Add(orderCpu[i]);
                int rowStart = a * columns - start;
                for (int j = i + 1; j < n; j++)
                    if (flags[rowStart + j] != 0) removed[j] = true;
            }
        }
        return tensor(kept.ToArray(), dtype: ScalarType.Int64, device: boxes.device).MoveToOuterDisposeScope();
    }

    // BoxOps.BoxIou(rows, columns) > limit for packed [x1, y1, x2, y2, area] rows, with the same float operations in
    // the same order, done in place on a few buffers (the overlaps of a block are the bulk of the work; fresh
    // temporaries for each step cost more than the arithmetic).
    private static Tensor Overlaps(Tensor rows, Tensor columns, Scalar limit)
    {
        using var zero = 0.0.ToScalar();
        Tensor R(long k) => rows.select(1, k).unsqueeze(1);
        Tensor C(long k) => columns.select(1, k).unsqueeze(0);
        var width = minimum(R(2), C(2));
        using (var x1 = maximum(R(0), C(0))) width.sub_(x1).clamp_min_(zero);
        var height = minimum(R(3), C(3));
        using (var y1 = maximum(R(1), C(1))) height.sub_(y1).clamp_min_(zero);
        var inter = width.mul_(height);
        height.Dispose();
        using var union = GcSafe.Add(R(4), C(4)).sub_(inter);
        return inter.div_(union).gt(limit);
    }

    /// <summary>
    /// NMS within each category of <paramref name="categories"/> (int64 <c>[N]</c>), never across categories, choosing
    /// the path torchvision 0.14 chooses: for more than 4,000 coordinates on the CPU (20,000 on CUDA) one NMS per
    /// category, the kept indices then sorted by decreasing score; otherwise the coordinate trick, each category's boxes
    /// shifted by <c>category * (max coordinate + 1)</c> so that boxes of different categories never overlap. The two
    /// keep the same boxes up to rounding (the shift costs precision for IoUs at the threshold), so the path matters
    /// for equality with torchvision. Indices in decreasing order of score.
    /// </summary>
    public static Tensor Batched(Tensor boxes, Tensor scores, Tensor categories, double iouThreshold)
    {
        ArgumentNullException.ThrowIfNull(boxes);
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(scores);
        if (boxes.numel() == 0) return empty(0, dtype: ScalarType.Int64, device: boxes.device);
        if (boxes.numel() > (boxes.device.type == DeviceType.CUDA ? 20000 : 4000)) return PerCategory(boxes, scores, categories, iouThreshold);
        using var scope = NewDisposeScope();
        using var one = 1.ToScalar();
        var maxCoordinate = boxes.max();
        var offsets = categories.to_type(boxes.dtype).mul(maxCoordinate.add(one, one));
        var shifted = GcSafe.Add(boxes, offsets.unsqueeze(1));
        return Apply(shifted, scores, iouThreshold).MoveToOuterDisposeScope();
    }

    /// <summary>torchvision's <c>_batched_nms_vanilla</c>: NMS per category, then the kept indices by decreasing score (a stable sort).</summary>
    private static Tensor PerCategory(Tensor boxes, Tensor scores, Tensor categories, double iouThreshold)
    {
        using var scope = NewDisposeScope();
        var keep = zeros_like(scores, dtype: ScalarType.Bool);
        using var yes = true.ToScalar();
        foreach (long category in categories.unique().output.to_type(ScalarType.Int64).cpu().data<long>().ToArray())
        {
            using var value = category.ToScalar();
            var index = categories.eq(value).nonzero().flatten();
            var kept = Apply(boxes.index_select(0, index), scores.index_select(0, index), iouThreshold);
            keep.index_fill_(0, index.index_select(0, kept), yes);
        }
        var indices = keep.nonzero().flatten();
        var order = scores.index_select(0, indices).sort(descending: true, stable: true).Indices;
        return indices.index_select(0, order).MoveToOuterDisposeScope();
    }
}
