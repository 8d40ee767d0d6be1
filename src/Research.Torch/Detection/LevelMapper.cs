using TorchSharp;
using static TorchSharp.torch;

namespace Research.Torch.Detection;

/// <summary>
/// torchvision 0.14's <c>LevelMapper</c> (used by <c>MultiScaleRoIAlign</c>): the FPN level of each box by
/// Eqn. (1) of the FPN paper, <c>floor(k0 + log2(sqrt(area) / canonical scale) + eps)</c> clamped to
/// <c>[kMin, kMax]</c>, returned as an index from 0 (level <c>kMin</c>).
/// </summary>
public sealed class LevelMapper
{
    /// <summary>Creates the mapper; Mask R-CNN uses levels 2-5, canonical scale 224 at level 4, eps 1e-6.</summary>
    public LevelMapper(int kMin = 2, int kMax = 5, int canonicalScale = 224, int canonicalLevel = 4, double eps = 1e-6)
    {
        if (kMin > kMax) throw new ArgumentException($"level range {kMin}..{kMax} is empty");
        (KMin, KMax, CanonicalScale, CanonicalLevel, Eps) = (kMin, kMax, canonicalScale, canonicalLevel, eps);
    }

    /// <summary>The lowest level (index 0).</summary>
    public int KMin { get; }

    /// <summary>The highest level.</summary>
    public int KMax { get; }

    /// <summary>The box size mapped to <see cref="CanonicalLevel"/>.</summary>
    public int CanonicalScale { get; }

    /// <summary>The level of a box of side <see cref="CanonicalScale"/>.</summary>
    public int CanonicalLevel { get; }

    /// <summary>Added before the floor, as torchvision does.</summary>
    public double Eps { get; }

    /// <summary>
    /// The mapper torchvision's <c>MultiScaleRoIAlign</c> sets up for feature maps of the given sizes over images of
    /// the given size (the largest height and width of the batch): each map's scale is the power of two nearest to
    /// map height / image height, and the levels run from <c>-log2</c> of the first scale to that of the last.
    /// </summary>
    public static (double[] Scales, LevelMapper Mapper) ForFeatureMaps(IReadOnlyList<(long Height, long Width)> featureSizes,
        long imageHeight, long imageWidth)
    {
        ArgumentNullException.ThrowIfNull(featureSizes);
        if (featureSizes.Count == 0) throw new ArgumentException("no feature maps to set up the level mapper for");
        _ = imageWidth;
        var scales = featureSizes.Select(s => InferScale(s.Height, imageHeight)).ToArray();
        int kMin = (int)-Math.Log2(scales[0]);
        int kMax = (int)-Math.Log2(scales[^1]);
        return (scales, new LevelMapper(kMin, kMax));
    }

    /// <summary>torchvision's <c>_infer_scale</c>: <c>2 ** round(log2(featureSize / originalSize))</c> (in float32, ties to even).</summary>
    public static double InferScale(long featureSize, long originalSize)
    {
        float approx = (float)((double)featureSize / originalSize);
        return Math.Pow(2, Math.Round(MathF.Log2(approx), MidpointRounding.ToEven));
    }

    /// <summary>The level index (int64, 0 for <see cref="KMin"/>) of every box of <paramref name="boxes"/> (<c>[N, 4]</c>).</summary>
    public Tensor Map(Tensor boxes)
    {
        ArgumentNullException.ThrowIfNull(boxes);
        using var scope = NewDisposeScope();
        using var one = 1.ToScalar();
        using var s0 = CanonicalScale.ToScalar();
        using var k0 = CanonicalLevel.ToScalar();
        using var eps = Eps.ToScalar();
        using var min = KMin.ToScalar();
        using var max = KMax.ToScalar();
        var side = BoxOps.Area(boxes).sqrt();
        var levels = side.div(s0).log2().add(k0, one).add(eps, one).floor().clamp(min, max);
        return levels.to_type(ScalarType.Int64).sub(min).MoveToOuterDisposeScope();
    }
}
