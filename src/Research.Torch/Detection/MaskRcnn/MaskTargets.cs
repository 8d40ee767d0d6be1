using static TorchSharp.torch;

namespace Research.Torch.Detection.MaskRcnn;

/// <summary>
/// torchvision's <c>project_masks_on_boxes</c>: the training target of each positive proposal, its matched truth mask
/// cut out of the image by RoIAlign (1 x 1 scale, adaptive sampling, not aligned) into <c>size x size</c>.
/// <para>
/// torchvision converts the whole mask stack to float (<c>[N, 1, H, W]</c>) and pools from it in one RoIAlign; for 136
/// nuclei of a 1024 x 1024 image doubled by <c>--detection-scale 2</c> that is 2.3 GB, allocated for every validation
/// image. Here that is done for stacks up to <see cref="WholeStackLimit"/> pixels (training crops: one call is faster
/// than one per box); beyond it each box reads only a window of its mask: the box's pixels with a margin (two pixels
/// before its corner, three after its far edge, or the image's edge), converted to float there alone. RoIAlign's
/// samples of a box lie inside it (or one pixel from its corner when it is narrower than a pixel), and their bilinear
/// neighbours inside that window; the window's edge is the image's edge wherever a neighbour could be clamped to it,
/// so the samples, their weights and the zero-outside rule are those of the whole image. The boxes move by whole
/// pixels, which float32 coordinates carry exactly; results agree with the whole-stack projection to float rounding
/// (the sums run in another order).
/// </para>
/// </summary>
public static class MaskTargets
{
    /// <summary>The largest mask stack (objects x height x width) projected whole: 32 Mi pixels, 128 MB as float.</summary>
    public const long WholeStackLimit = 32L << 20;

    /// <summary>
    /// The <c>[K, size, size]</c> targets of <paramref name="boxes"/> (<c>[K, 4]</c>, x1 y1 x2 y2 in the masks'
    /// pixels) from the masks (<c>[N, H, W]</c>, any type, 0/1) at <paramref name="matched"/> (<c>[K]</c>, int64),
    /// in the boxes' floating type. Stacks of more than <paramref name="wholeStackLimit"/> pixels are read through windows.
    /// </summary>
    public static Tensor Project(Tensor masks, Tensor matched, Tensor boxes, int size, long wholeStackLimit = WholeStackLimit)
    {
        ArgumentNullException.ThrowIfNull(masks);
        ArgumentNullException.ThrowIfNull(matched);
        ArgumentNullException.ThrowIfNull(boxes);
        if (masks.dim() != 3) throw new ArgumentException($"masks are [N, H, W], got [{string.Join(", ", masks.shape)}]", nameof(masks));
        if (boxes.dim() != 2 || boxes.shape[1] != 4) throw new ArgumentException($"boxes are [K, 4], got [{string.Join(", ", boxes.shape)}]", nameof(boxes));
        if (matched.numel() != boxes.shape[0]) throw new ArgumentException($"{matched.numel()} matched indices for {boxes.shape[0]} boxes", nameof(matched));
        long k = boxes.shape[0], height = masks.shape[1], width = masks.shape[2];
        if (k == 0) return zeros([0, size, size], dtype: boxes.dtype, device: boxes.device);
        using var scope = NewDisposeScope();
        if (masks.numel() <= wholeStackLimit)
        {
            var rois = cat([matched.to_type(boxes.dtype).unsqueeze(1), boxes], 1);
            return RoiAlign.Apply(masks.unsqueeze(1).to_type(boxes.dtype), rois, size, size, 1.0, -1, aligned: false).select(1, 0).MoveToOuterDisposeScope();
        }
        double[] corners;
        long[] which;
        using (var host = boxes.to_type(ScalarType.Float64).cpu().contiguous()) corners = host.data<double>().ToArray();
        using (var host = matched.to_type(ScalarType.Int64).cpu().contiguous()) which = host.data<long>().ToArray();
        var targets = new List<Tensor>((int)k);
        for (int j = 0; j < k; j++)
        {
            var (x0, x1) = Window(corners[4 * j], corners[4 * j + 2], width);
            var (y0, y1) = Window(corners[4 * j + 1], corners[4 * j + 3], height);
            var window = masks.select(0, which[j]).narrow(0, y0, y1 - y0).narrow(1, x0, x1 - x0)
                .to_type(boxes.dtype).reshape(1, 1, y1 - y0, x1 - x0);
            var offset = tensor(new double[] { x0, y0, x0, y0 }, dtype: boxes.dtype, device: boxes.device);
            var roi = cat([zeros(1, dtype: boxes.dtype, device: boxes.device), boxes[j].sub(offset)], 0).view(1, 5);
            targets.Add(RoiAlign.Apply(window, roi, size, size, 1.0, -1, aligned: false).view(1, size, size));
        }
        return cat(targets, 0).MoveToOuterDisposeScope();
    }

    // The pixels [start, end) of one axis that RoIAlign can read for a box from 'low' to 'high': samples lie in
    // (low, max(high, low + 1)), their neighbours floor(sample) and floor(sample) + 1.
    private static (long Start, long End) Window(double low, double high, long size)
    {
        double far = Math.Max(high, low + 1);
        long start = Math.Clamp((long)Math.Floor(low) - 2, 0, size - 1);
        long end = Math.Clamp((long)Math.Floor(far) + 3, start + 1, size);
        return (start, end);
    }
}
