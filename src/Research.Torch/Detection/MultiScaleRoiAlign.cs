using TorchSharp;
using static TorchSharp.torch;

namespace Research.Torch.Detection;

/// <summary>
/// torchvision 0.14's <c>MultiScaleRoIAlign</c> (not aligned, as its detection models): each box is pooled with
/// <see cref="RoiAlign"/> from the FPN level <see cref="LevelMapper"/> gives it, at that level's scale (inferred from
/// the feature map and image sizes). Mask R-CNN pools boxes at 7 x 7 and masks at 14 x 14, sampling ratio 2.
/// </summary>
public sealed class MultiScaleRoiAlign
{
    /// <summary>Creates the pooler.</summary>
    public MultiScaleRoiAlign(int outputSize, int samplingRatio, int canonicalScale = 224, int canonicalLevel = 4)
    {
        if (outputSize < 1) throw new ArgumentException($"output size must be positive, got {outputSize}", nameof(outputSize));
        (OutputSize, SamplingRatio, CanonicalScale, CanonicalLevel) = (outputSize, samplingRatio, canonicalScale, canonicalLevel);
    }

    /// <summary>The side of each pooled box.</summary>
    public int OutputSize { get; }

    /// <summary>RoIAlign's sampling ratio.</summary>
    public int SamplingRatio { get; }

    /// <summary>The box size mapped to <see cref="CanonicalLevel"/>.</summary>
    public int CanonicalScale { get; }

    /// <summary>The level of a box of side <see cref="CanonicalScale"/>.</summary>
    public int CanonicalLevel { get; }

    /// <summary>
    /// Pools <paramref name="boxes"/> (one <c>[N_i, 4]</c> tensor per image, image coordinates) from the feature maps
    /// (<c>[B, C, H_l, W_l]</c>, finest first) of a batch whose images have the given sizes; the result is
    /// <c>[sum N_i, C, size, size]</c>, boxes in the order given.
    /// </summary>
    public Tensor Apply(IReadOnlyList<Tensor> features, IReadOnlyList<Tensor> boxes, IReadOnlyList<(long Height, long Width)> imageSizes)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(boxes);
        ArgumentNullException.ThrowIfNull(imageSizes);
        if (features.Count == 0 || imageSizes.Count == 0) throw new ArgumentException("MultiScaleRoiAlign needs feature maps and image sizes");
        using var scope = NewDisposeScope();
        long maxHeight = imageSizes.Max(s => s.Height), maxWidth = imageSizes.Max(s => s.Width);
        var (scales, mapper) = LevelMapper.ForFeatureMaps(features.Select(f => (f.shape[2], f.shape[3])).ToArray(), maxHeight, maxWidth);
        mapper = new LevelMapper(mapper.KMin, mapper.KMax, CanonicalScale, CanonicalLevel);
        var all = cat(boxes.ToArray(), 0);
        var ids = cat(boxes.Select((b, i) => Ranges.FullLike(b.narrow(1, 0, 1), i)).ToArray(), 0);
        var rois = cat([ids, all], 1);
        if (features.Count == 1)
            return RoiAlign.Apply(features[0], rois, OutputSize, OutputSize, scales[0], SamplingRatio, aligned: false).MoveToOuterDisposeScope();
        var levels = mapper.Map(all);
        var result = zeros([rois.shape[0], features[0].shape[1], OutputSize, OutputSize], dtype: features[0].dtype, device: features[0].device);
        for (int level = 0; level < features.Count; level++)
        {
            using var value = level.ToScalar();
            var index = levels.eq(value).nonzero().flatten();
            if (index.numel() == 0) continue;
            var pooled = RoiAlign.Apply(features[level], rois.index_select(0, index), OutputSize, OutputSize, scales[level], SamplingRatio, aligned: false);
            result = result.index_copy(0, index, pooled.to_type(result.dtype));
        }
        return result.MoveToOuterDisposeScope();
    }
}
