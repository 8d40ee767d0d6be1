using TorchSharp;
using static TorchSharp.torch;

namespace Research.Torch.Detection;

/// <summary>
/// torchvision 0.14's <c>roi_align</c> on tensor operations, forward and gradient (autograd) to the features.
/// <para>
/// Each output bin averages <c>grid_h x grid_w</c> bilinear samples (<c>sampling_ratio</c> per side, or
/// <c>ceil(roi size / output size)</c> when it is 0 or negative); samples more than one pixel outside the map count as
/// zero, samples inside the last pixel are clamped to it, exactly as torchvision's kernel does, with the box corners
/// computed in double (<c>coordinate * spatial_scale - offset</c>, offset 0.5 when <c>aligned</c>) and the rest in
/// the features' float type. The weights of the four neighbours of every sample form one sparse matrix
/// <c>[boxes * bins, batch * height * width]</c>, and the output is that matrix times the features laid out as
/// <c>[batch * height * width, channels]</c>: one sparse-dense product, whose gradient flows to the features.
/// The matrix holds <c>4 * grid_h * grid_w</c> entries per bin, the grid being the largest of any box: with an
/// adaptive ratio, a box much larger than the output makes every box's rows that long (the detection models use 2).
/// </para>
/// </summary>
public static class RoiAlign
{
    /// <summary>
    /// Pools <paramref name="rois"/> (<c>[K, 5]</c>: batch index, x1, y1, x2, y2 in image coordinates) from
    /// <paramref name="input"/> (<c>[B, C, H, W]</c>) into <c>[K, C, outputHeight, outputWidth]</c>.
    /// </summary>
    public static Tensor Apply(Tensor input, Tensor rois, int outputHeight, int outputWidth, double spatialScale,
        int samplingRatio, bool aligned)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(rois);
        if (input.dim() != 4) throw new ArgumentException($"roi_align needs features [B, C, H, W], got {input.dim()} dimensions", nameof(input));
        if (rois.dim() != 2 || rois.shape[1] != 5) throw new ArgumentException($"roi_align needs rois [K, 5], got [{string.Join(", ", rois.shape)}]", nameof(rois));
        if (outputHeight < 1 || outputWidth < 1) throw new ArgumentException($"roi_align output size must be positive, got {outputHeight} x {outputWidth}");
        long batch = input.shape[0], channels = input.shape[1], height = input.shape[2], width = input.shape[3];
        long k = rois.shape[0];
        if (k == 0) return zeros([0, channels, outputHeight, outputWidth], dtype: input.dtype, device: input.device);
        using var scope = NewDisposeScope();
        using var one = 1.ToScalar();
        using var scale = spatialScale.ToScalar();
        using var offset = (aligned ? 0.5 : 0.0).ToScalar();
        var corners = rois.to_type(ScalarType.Float64).narrow(1, 1, 4).mul(scale).sub(offset).to_type(input.dtype);
        var startX = corners.select(1, 0);
        var startY = corners.select(1, 1);
        var roiW = corners.select(1, 2).sub(startX);
        var roiH = corners.select(1, 3).sub(startY);
        if (!aligned)
        {
            roiW = roiW.clamp_min(one);
            roiH = roiH.clamp_min(one);
        }
        using var outW = outputWidth.ToScalar();
        using var outH = outputHeight.ToScalar();
        var binW = roiW.div(outW);
        var binH = roiH.div(outH);
        var gridW = samplingRatio > 0 ? Ranges.FullLike(binW, samplingRatio) : binW.ceil();
        var gridH = samplingRatio > 0 ? Ranges.FullLike(binH, samplingRatio) : binH.ceil();
        var count = gridW.mul(gridH).clamp_min(one);
        var (xLow, xHigh, xWeightLow, xWeightHigh) = Axis(startX, binW, gridW, outputWidth, samplingRatio, width);
        var (yLow, yHigh, yWeightLow, yWeightHigh) = Axis(startY, binH, gridH, outputHeight, samplingRatio, height);
        // Shapes: y terms [K, PH, Gh, 2] -> [K, PH, 1, Gh, 1, 2, 1]; x terms [K, PW, Gw, 2] -> [K, 1, PW, 1, Gw, 1, 2].
        var yIndex = stack([yLow, yHigh], 3);
        var xIndex = stack([xLow, xHigh], 3);
        var yWeight = stack([yWeightLow, yWeightHigh], 3);
        var xWeight = stack([xWeightLow, xWeightHigh], 3);
        long gh = yIndex.shape[2], gw = xIndex.shape[2];
        yIndex = yIndex.view(k, outputHeight, 1, gh, 1, 2, 1);
        yWeight = yWeight.view(k, outputHeight, 1, gh, 1, 2, 1);
        xIndex = xIndex.view(k, 1, outputWidth, 1, gw, 1, 2);
        xWeight = xWeight.view(k, 1, outputWidth, 1, gw, 1, 2);
        var image = rois.select(1, 0).to_type(ScalarType.Int64).view(k, 1, 1, 1, 1, 1, 1);
        using var plane = (height * width).ToScalar();
        using var rowLength = width.ToScalar();
        var column = image.mul(plane).add(yIndex.mul(rowLength), one).add(xIndex, one);
        var weight = yWeight.mul(xWeight).div(count.view(k, 1, 1, 1, 1, 1, 1));
        long[] full7 = [k, outputHeight, outputWidth, gh, gw, 2, 2];
        var row = Ranges.Arange(k * outputHeight * outputWidth, ScalarType.Int64, input.device)
            .view(k, outputHeight, outputWidth, 1, 1, 1, 1).expand(full7);
        var indices = stack([row.flatten(), column.expand(full7).flatten()], 0);
        var matrix = sparse_coo_tensor(indices, weight.expand(full7).flatten(), [k * outputHeight * outputWidth, batch * height * width]);
        var features = input.permute(0, 2, 3, 1).reshape(batch * height * width, channels);
        var pooled = matrix.mm(features).view(k, outputHeight, outputWidth, channels).permute(0, 3, 1, 2).contiguous();
        return pooled.MoveToOuterDisposeScope();
    }

    // The sample positions along one axis, [K, P, G] (P bins, G samples per bin: the largest grid of any box), and
    // for each the two neighbouring pixels with their bilinear weights, zero for samples outside the map or beyond
    // the box's own grid.
    private static (Tensor Low, Tensor High, Tensor WeightLow, Tensor WeightHigh) Axis(Tensor start, Tensor bin,
        Tensor grid, int bins, int samplingRatio, long size)
    {
        long k = start.shape[0];
        int samples = samplingRatio > 0 ? samplingRatio : Math.Max(1, (int)GridMax(grid));
        using var one = 1.ToScalar();
        using var half = 0.5.ToScalar();
        var device = start.device;
        var binIndex = Ranges.Arange(bins, start.dtype, device).view(1, bins, 1);
        var sampleIndex = Ranges.Arange(samples, start.dtype, device);
        var sampleOffset = sampleIndex.add(half, one).view(1, 1, samples);
        var b = bin.view(k, 1, 1);
        // start + p * bin + (i + 0.5) * bin / grid, in this order (torchvision's kernel).
        var position = start.view(k, 1, 1).add(binIndex.mul(b), one).add(sampleOffset.mul(b).div(grid.view(k, 1, 1)), one);
        using var minusOne = (-1.0).ToScalar();
        using var limit = size.ToScalar();
        var inside = position.ge(minusOne).logical_and(position.le(limit))
            .logical_and(sampleIndex.view(1, 1, samples).lt(grid.view(k, 1, 1)));
        using var zero = 0.0.ToScalar();
        var clamped = position.clamp_min(zero);
        using var lastIndex = (size - 1).ToScalar();
        var low = clamped.floor().to_type(ScalarType.Int64);
        var atEdge = low.ge(lastIndex);
        var last = Ranges.FullLike(low, size - 1);
        var high = where(atEdge, last, low.add(one, one));
        low = where(atEdge, last, low);
        clamped = where(atEdge, low.to_type(start.dtype), clamped);
        var weightHigh = clamped.sub(low.to_type(start.dtype));
        var weightLow = weightHigh.neg().add(one, one);
        var nothing = zeros_like(weightLow);
        return (low, high, where(inside, weightLow, nothing), where(inside, weightHigh, nothing));
    }

    /// <summary>The largest adaptive sample count as a double, whatever the features' floating type (item&lt;float&gt; fails on float64 and half tensors).</summary>
    private static double GridMax(Tensor grid)
    {
        using var max = grid.max();
        using var wide = max.to_type(ScalarType.Float64);
        using var host = wide.cpu();
        return host.item<double>();
    }
}
