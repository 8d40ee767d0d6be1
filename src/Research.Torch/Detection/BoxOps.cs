using Research.Torch.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Research.Torch.Detection;

/// <summary>
/// Box operations on <c>(x1, y1, x2, y2)</c> boxes (rows of an <c>[N, 4]</c> tensor), as torchvision 0.14's
/// <c>torchvision.ops</c> defines them: the same float operations in the same order, so results agree bit for bit on
/// the CPU.
/// </summary>
public static class BoxOps
{
    /// <summary>Areas <c>(x2 - x1) * (y2 - y1)</c>, shape <c>[N]</c>.</summary>
    public static Tensor Area(Tensor boxes)
    {
        ArgumentNullException.ThrowIfNull(boxes);
        using var scope = NewDisposeScope();
        var width = boxes.select(1, 2).sub(boxes.select(1, 0));
        var height = boxes.select(1, 3).sub(boxes.select(1, 1));
        return width.mul(height).MoveToOuterDisposeScope();
    }

    /// <summary>Intersection over union of every pair, shape <c>[N, M]</c> (torchvision's <c>box_iou</c>).</summary>
    public static Tensor BoxIou(Tensor boxes1, Tensor boxes2)
    {
        ArgumentNullException.ThrowIfNull(boxes1);
        ArgumentNullException.ThrowIfNull(boxes2);
        using var scope = NewDisposeScope();
        using var zero = 0.0.ToScalar();
        var area1 = Area(boxes1);
        var area2 = Area(boxes2);
        var leftTop = maximum(boxes1.narrow(1, 0, 2).unsqueeze(1), boxes2.narrow(1, 0, 2));
        var rightBottom = minimum(boxes1.narrow(1, 2, 2).unsqueeze(1), boxes2.narrow(1, 2, 2));
        var wh = rightBottom.sub(leftTop).clamp_min(zero);
        var inter = wh.select(2, 0).mul(wh.select(2, 1));
        var union = GcSafe.Add(area1.unsqueeze(1), area2).sub(inter);
        return inter.div(union).MoveToOuterDisposeScope();
    }

    /// <summary>Boxes clipped to <c>[0, width] x [0, height]</c> (torchvision's <c>clip_boxes_to_image</c>).</summary>
    public static Tensor ClipBoxesToImage(Tensor boxes, long height, long width)
    {
        ArgumentNullException.ThrowIfNull(boxes);
        using var scope = NewDisposeScope();
        using var zero = 0.ToScalar();
        using var maxX = width.ToScalar();
        using var maxY = height.ToScalar();
        long last = boxes.dim() - 1;
        long size = boxes.shape[last];
        var x = boxes.slice(last, 0, size, 2).clamp(zero, maxX);
        var y = boxes.slice(last, 1, size, 2).clamp(zero, maxY);
        return stack([x, y], boxes.dim()).reshape(boxes.shape).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Indices (int64, ascending) of the boxes whose width and height are both at least <paramref name="minSize"/>
    /// (torchvision's <c>remove_small_boxes</c>).
    /// </summary>
    public static Tensor RemoveSmallBoxes(Tensor boxes, double minSize)
    {
        ArgumentNullException.ThrowIfNull(boxes);
        using var scope = NewDisposeScope();
        using var min = minSize.ToScalar();
        var widths = boxes.select(1, 2).sub(boxes.select(1, 0));
        var heights = boxes.select(1, 3).sub(boxes.select(1, 1));
        var keep = widths.ge(min).logical_and(heights.ge(min));
        return keep.nonzero().flatten().MoveToOuterDisposeScope();
    }
}
