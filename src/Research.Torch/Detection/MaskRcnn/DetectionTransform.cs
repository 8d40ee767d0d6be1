using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Research.Torch.Detection.MaskRcnn;

/// <summary>
/// torchvision's <c>GeneralizedRCNNTransform</c> and mask pasting: images (<c>[3, H, W]</c>, RGB in [0, 1]) are
/// normalised with the ImageNet mean and standard deviation, resized bilinearly so the shorter side is
/// <see cref="MinSize"/> unless the longer would exceed <see cref="MaxSize"/> (the scale computed in float32 as
/// torchvision does, the size floored), and padded at the bottom and right into one batch whose sides are multiples
/// of 32. Detections go back by the ratio of original to resized size; masks are pasted into the image by
/// <see cref="PasteMasks"/>.
/// </summary>
public sealed class DetectionTransform
{
    /// <summary>The ImageNet mean (RGB, 0-1).</summary>
    public static IReadOnlyList<float> Mean { get; } = [0.485f, 0.456f, 0.406f];

    /// <summary>The ImageNet standard deviation (RGB, 0-1).</summary>
    public static IReadOnlyList<float> Std { get; } = [0.229f, 0.224f, 0.225f];

    /// <summary>The shorter side after resizing (torchvision's default 800).</summary>
    public int MinSize { get; init; } = 800;

    /// <summary>The longest the longer side may become (torchvision's default 1333).</summary>
    public int MaxSize { get; init; } = 1333;

    /// <summary>The batch's sides are multiples of this.</summary>
    public int SizeDivisible { get; init; } = 32;

    /// <summary>
    /// The transform that resizes an image of <paramref name="height"/> x <paramref name="width"/> by
    /// <paramref name="scale"/> (its shorter side to the nearest whole number of pixels, the longer side unbounded): training
    /// crops and whole images at prediction then meet the network at the same magnification, which torchvision's
    /// shorter-side-to-800 rule would not give images of different sizes.
    /// </summary>
    public static DetectionTransform ForScale(double scale, long height, long width)
    {
        if (!(scale > 0 && double.IsFinite(scale))) throw new ArgumentOutOfRangeException(nameof(scale), scale, "the scale must be a positive number");
        return new DetectionTransform { MinSize = (int)Math.Max(1, Math.Round(Math.Min(height, width) * scale)), MaxSize = int.MaxValue };
    }

    /// <summary>The size an image of <paramref name="height"/> x <paramref name="width"/> is resized to.</summary>
    public (long Height, long Width) ResizedSize(long height, long width)
    {
        float shorter = Math.Min(height, width), longer = Math.Max(height, width);
        double scale = Math.Min((float)MinSize / shorter, (float)MaxSize / longer);
        return ((long)Math.Floor(height * scale), (long)Math.Floor(width * scale));
    }

    /// <summary>The batch <c>[N, 3, H, W]</c> and each image's resized size.</summary>
    public (Tensor Batch, IReadOnlyList<(long Height, long Width)> Sizes) Apply(IReadOnlyList<Tensor> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.Count == 0) throw new ArgumentException("give at least one image");
        using var scope = NewDisposeScope();
        var resized = new List<Tensor>();
        foreach (var image in images)
        {
            if (image.dim() != 3 || image.shape[0] != 3) throw new ArgumentException($"images are [3, H, W] RGB; got [{string.Join(", ", image.shape)}]");
            var mean = tensor(Mean.ToArray(), device: image.device).view(3, 1, 1);
            var std = tensor(Std.ToArray(), device: image.device).view(3, 1, 1);
            var x = image.sub(mean).div(std);
            var (h, w) = ResizedSize(image.shape[1], image.shape[2]);
            resized.Add(functional.interpolate(x.unsqueeze(0), [h, w], mode: InterpolationMode.Bilinear, align_corners: false)[0]);
        }
        long maxH = resized.Max(r => r.shape[1]), maxW = resized.Max(r => r.shape[2]);
        long batchH = (maxH + SizeDivisible - 1) / SizeDivisible * SizeDivisible, batchW = (maxW + SizeDivisible - 1) / SizeDivisible * SizeDivisible;
        var batch = zeros([resized.Count, 3, batchH, batchW], dtype: resized[0].dtype, device: resized[0].device);
        for (int i = 0; i < resized.Count; i++)
            batch[i, .., TensorIndex.Slice(0, resized[i].shape[1]), TensorIndex.Slice(0, resized[i].shape[2])] = resized[i];
        return (batch.MoveToOuterDisposeScope(), [.. resized.Select(r => (r.shape[1], r.shape[2]))]);
    }

    /// <summary>
    /// The truth of images resized to <paramref name="sizes"/>: boxes scaled by resized / original per axis (float32
    /// ratios, torchvision's <c>resize_boxes</c>), masks resized by nearest neighbour as torchvision resizes them (in
    /// bytes, where torchvision goes through float: the same pixels in a quarter of the memory).
    /// </summary>
    public static IReadOnlyList<MaskRcnnTarget> ResizeTargets(IReadOnlyList<MaskRcnnTarget> targets, IReadOnlyList<(long Height, long Width)> originals, IReadOnlyList<(long Height, long Width)> sizes)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(originals);
        ArgumentNullException.ThrowIfNull(sizes);
        var result = new List<MaskRcnnTarget>();
        for (int i = 0; i < targets.Count; i++)
        {
            using var scope = NewDisposeScope();
            var t = targets[i];
            var boxes = ResizeBoxes(t.Boxes.to_type(ScalarType.Float32), originals[i], sizes[i]);
            var masks = t.Masks.shape[0] == 0
                ? zeros([0, sizes[i].Height, sizes[i].Width], dtype: ScalarType.Byte, device: t.Masks.device)
                : functional.interpolate(t.Masks.unsqueeze(1).to_type(ScalarType.Byte), [sizes[i].Height, sizes[i].Width], mode: InterpolationMode.Nearest).select(1, 0);
            result.Add(new MaskRcnnTarget(boxes.MoveToOuterDisposeScope(), t.Labels.clone().MoveToOuterDisposeScope(), masks.MoveToOuterDisposeScope()));
        }
        return result;
    }

    /// <summary>Boxes of an image of size <paramref name="from"/> in the pixels of size <paramref name="to"/> (torchvision's <c>resize_boxes</c>, ratios in float32).</summary>
    public static Tensor ResizeBoxes(Tensor boxes, (long Height, long Width) from, (long Height, long Width) to)
    {
        ArgumentNullException.ThrowIfNull(boxes);
        using var scope = NewDisposeScope();
        using Scalar rh = ((float)to.Height / (float)from.Height).ToScalar(), rw = ((float)to.Width / (float)from.Width).ToScalar();
        var x0 = boxes.select(1, 0).mul(rw);
        var y0 = boxes.select(1, 1).mul(rh);
        var x1 = boxes.select(1, 2).mul(rw);
        var y1 = boxes.select(1, 3).mul(rh);
        return stack([x0, y0, x1, y1], 1).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// torchvision's <c>paste_masks_in_image</c>: each <c>[1, M, M]</c> mask is padded by one pixel, its box enlarged
    /// by (M + 2) / M about its centre and truncated to whole pixels, the mask resized bilinearly to the box's size
    /// (width x1 - x0 + 1) and written into an empty image; <c>[D, 1, H, W]</c>.
    /// </summary>
    public static Tensor PasteMasks(Tensor masks, Tensor boxes, long height, long width)
    {
        ArgumentNullException.ThrowIfNull(masks);
        ArgumentNullException.ThrowIfNull(boxes);
        using var scope = NewDisposeScope();
        long m = masks.shape[^1];
        var padded = functional.pad(masks, [1, 1, 1, 1]);
        double scale = (double)(m + 2) / m;
        var b = boxes.to_type(ScalarType.Float32).cpu().data<float>().ToArray();
        var result = zeros([masks.shape[0], 1, height, width], dtype: masks.dtype, device: masks.device);
        for (int i = 0; i < masks.shape[0]; i++)
        {
            // expand_boxes in float32 as torchvision computes it, then the cast to int64 (truncation)
            float wHalf = (b[i * 4 + 2] - b[i * 4]) * 0.5f * (float)scale, hHalf = (b[i * 4 + 3] - b[i * 4 + 1]) * 0.5f * (float)scale;
            float xc = (b[i * 4 + 2] + b[i * 4]) * 0.5f, yc = (b[i * 4 + 3] + b[i * 4 + 1]) * 0.5f;
            long x0 = (long)(xc - wHalf), x1 = (long)(xc + wHalf), y0 = (long)(yc - hHalf), y1 = (long)(yc + hHalf);
            long w = Math.Max(x1 - x0 + 1, 1), h = Math.Max(y1 - y0 + 1, 1);
            var pasted = functional.interpolate(padded[i].unsqueeze(0), [h, w], mode: InterpolationMode.Bilinear, align_corners: false)[0, 0];
            long ix0 = Math.Max(x0, 0), ix1 = Math.Min(x1 + 1, width), iy0 = Math.Max(y0, 0), iy1 = Math.Min(y1 + 1, height);
            if (ix1 <= ix0 || iy1 <= iy0) continue;
            result[i, 0, TensorIndex.Slice(iy0, iy1), TensorIndex.Slice(ix0, ix1)] =
                pasted[TensorIndex.Slice(iy0 - y0, iy1 - y0), TensorIndex.Slice(ix0 - x0, ix1 - x0)];
        }
        return result.MoveToOuterDisposeScope();
    }
}
