using TorchSharp;
using static TorchSharp.torch;

namespace Research.Torch.Detection;

/// <summary>
/// torchvision's <c>Matcher</c>: each prediction (column of a <c>[G, P]</c> IoU matrix) takes the ground-truth row of
/// highest IoU; below <c>low</c> it is background (-1), from <c>low</c> up to <c>high</c> ignored (-2). With
/// low-quality matches allowed, every prediction that has the highest IoU of some ground truth keeps its match even
/// below the thresholds, so no ground truth is left without one.
/// </summary>
public static class Matcher
{
    /// <summary>Background.</summary>
    public const long BelowLowThreshold = -1;

    /// <summary>Ignored.</summary>
    public const long BetweenThresholds = -2;

    /// <summary>The matched row of every column (int64 <c>[P]</c>), or one of the two negative codes.</summary>
    public static Tensor Match(Tensor quality, double high, double low, bool allowLowQuality)
    {
        ArgumentNullException.ThrowIfNull(quality);
        if (quality.numel() == 0) throw new ArgumentException("no ground truth or no predictions to match", nameof(quality));
        using var scope = NewDisposeScope();
        var (values, matches) = quality.max(0);
        var all = matches.clone();
        using Scalar lowValue = low.ToScalar(), highValue = high.ToScalar(), below = BelowLowThreshold.ToScalar(), between = BetweenThresholds.ToScalar();
        var isBelow = values.lt(lowValue);
        var isBetween = values.ge(lowValue).logical_and(values.lt(highValue));
        matches = matches.masked_fill(isBelow, below).masked_fill(isBetween, between);
        if (allowLowQuality)
        {
            var highest = quality.max(1).values;
            var predictions = quality.eq(highest.unsqueeze(1)).nonzero().select(1, 1);
            matches = matches.index_copy(0, predictions, all.index_select(0, predictions));
        }
        return matches.MoveToOuterDisposeScope();
    }
}

/// <summary>
/// torchvision's <c>BalancedPositiveNegativeSampler</c>: from labels (positive &gt;= 1, negative 0, ignored -1) at most
/// <c>batch * fraction</c> positives and the rest of <c>batch</c> negatives, each drawn with <c>torch.randperm</c> (so
/// seeded by torch's generator). Returns the chosen indices in ascending order.
/// </summary>
public static class BalancedSampler
{
    /// <summary>The sampled indices (int64, ascending) of <paramref name="labels"/>.</summary>
    public static (Tensor Positive, Tensor Negative) Sample(Tensor labels, int batch, double fraction)
    {
        ArgumentNullException.ThrowIfNull(labels);
        using var scope = NewDisposeScope();
        using Scalar one = 1.ToScalar(), zero = 0.ToScalar();
        var positive = labels.ge(one).nonzero().flatten();
        var negative = labels.eq(zero).nonzero().flatten();
        long numPositive = Math.Min(positive.numel(), (long)(batch * fraction));
        long numNegative = Math.Min(negative.numel(), batch - numPositive);
        var p = positive.index_select(0, randperm(positive.numel(), device: labels.device).narrow(0, 0, numPositive)).sort().Values;
        var n = negative.index_select(0, randperm(negative.numel(), device: labels.device).narrow(0, 0, numNegative)).sort().Values;
        return (p.MoveToOuterDisposeScope(), n.MoveToOuterDisposeScope());
    }
}
