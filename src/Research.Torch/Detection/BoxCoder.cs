using TorchSharp;
using static TorchSharp.torch;

namespace Research.Torch.Detection;

/// <summary>
/// torchvision 0.14's <c>BoxCoder</c>: encodes boxes as offsets <c>(dx, dy, dw, dh)</c> relative to reference boxes
/// (proposals or anchors), scaled by <see cref="Weights"/>, and decodes them back, with <c>dw</c> and <c>dh</c>
/// clipped at <see cref="ClipValue"/> before the exponential. Mask R-CNN's RPN uses weights (1, 1, 1, 1), its box
/// head (10, 10, 5, 5); both clip at <c>log(1000 / 16)</c>.
/// </summary>
public sealed class BoxCoder
{
    /// <summary>torchvision's default clip, <c>log(1000 / 16)</c>.</summary>
    public static readonly double DefaultClip = Math.Log(1000.0 / 16);

    /// <summary>Creates a coder with the weights for <c>(x, y, w, h)</c>.</summary>
    public BoxCoder(double wx, double wy, double ww, double wh, double? clip = null)
    {
        Weights = [wx, wy, ww, wh];
        if (Weights.Any(w => !(w > 0) || double.IsInfinity(w)))
            throw new ArgumentException("box coder weights must be positive and finite, got " + string.Join(", ", Weights));
        ClipValue = clip ?? DefaultClip;
    }

    /// <summary>The weights for <c>(x, y, w, h)</c>.</summary>
    public IReadOnlyList<double> Weights { get; }

    /// <summary>The largest <c>dw</c> or <c>dh</c> passed to the exponential when decoding.</summary>
    public double ClipValue { get; }

    /// <summary>
    /// The codes, shape <c>[N, 4]</c>, that turn <paramref name="proposals"/> into <paramref name="referenceBoxes"/>
    /// (torchvision's <c>encode_single(reference_boxes, proposals)</c>).
    /// </summary>
    public Tensor Encode(Tensor referenceBoxes, Tensor proposals)
    {
        ArgumentNullException.ThrowIfNull(referenceBoxes);
        ArgumentNullException.ThrowIfNull(proposals);
        using var scope = NewDisposeScope();
        using var half = 0.5.ToScalar();
        using var one = 1.ToScalar();
        var (exX, exY, exW, exH) = Centres(proposals.to_type(referenceBoxes.dtype), half, one);
        var (gtX, gtY, gtW, gtH) = Centres(referenceBoxes, half, one);
        using var wx = Weights[0].ToScalar();
        using var wy = Weights[1].ToScalar();
        using var ww = Weights[2].ToScalar();
        using var wh = Weights[3].ToScalar();
        var dx = gtX.sub(exX).mul(wx).div(exW);
        var dy = gtY.sub(exY).mul(wy).div(exH);
        var dw = gtW.div(exW).log().mul(ww);
        var dh = gtH.div(exH).log().mul(wh);
        return stack([dx, dy, dw, dh], 1).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The boxes that <paramref name="codes"/> (shape <c>[N, 4 * C]</c>, one group of four per class) make of
    /// <paramref name="boxes"/> (<c>[N, 4]</c>), shape <c>[N, 4 * C]</c> (torchvision's <c>decode_single</c>).
    /// </summary>
    public Tensor Decode(Tensor codes, Tensor boxes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentNullException.ThrowIfNull(boxes);
        if (codes.dim() != 2 || codes.shape[1] % 4 != 0)
            throw new ArgumentException($"box codes must have shape [N, 4 * C], got [{string.Join(", ", codes.shape)}]", nameof(codes));
        using var scope = NewDisposeScope();
        using var half = 0.5.ToScalar();
        using var one = 1.ToScalar();
        var (ctrX, ctrY, widths, heights) = Centres(boxes.to_type(codes.dtype), half, one);
        long columns = codes.shape[1];
        using var wx = Weights[0].ToScalar();
        using var wy = Weights[1].ToScalar();
        using var ww = Weights[2].ToScalar();
        using var wh = Weights[3].ToScalar();
        using var clip = ClipValue.ToScalar();
        var dx = codes.slice(1, 0, columns, 4).div(wx);
        var dy = codes.slice(1, 1, columns, 4).div(wy);
        var dw = codes.slice(1, 2, columns, 4).div(ww).clamp_max(clip);
        var dh = codes.slice(1, 3, columns, 4).div(wh).clamp_max(clip);
        var predX = dx.mul(widths.unsqueeze(1)).add(ctrX.unsqueeze(1), one);
        var predY = dy.mul(heights.unsqueeze(1)).add(ctrY.unsqueeze(1), one);
        var halfW = dw.exp().mul(widths.unsqueeze(1)).mul(half);
        var halfH = dh.exp().mul(heights.unsqueeze(1)).mul(half);
        var x1 = predX.sub(halfW);
        var y1 = predY.sub(halfH);
        var x2 = predX.add(halfW, one);
        var y2 = predY.add(halfH, one);
        return stack([x1, y1, x2, y2], 2).flatten(1).MoveToOuterDisposeScope();
    }

    // Centre x, centre y, width and height of [N, 4] boxes, computed as torchvision does (x1 + 0.5 * width).
    private static (Tensor X, Tensor Y, Tensor Width, Tensor Height) Centres(Tensor boxes, Scalar half, Scalar one)
    {
        var width = boxes.select(1, 2).sub(boxes.select(1, 0));
        var height = boxes.select(1, 3).sub(boxes.select(1, 1));
        var x = boxes.select(1, 0).add(width.mul(half), one);
        var y = boxes.select(1, 1).add(height.mul(half), one);
        return (x, y, width, height);
    }
}
