using TorchSharp;
using static TorchSharp.torch;

namespace Research.Torch.Losses;

/// <summary>
/// 1 - soft Dice. Per image i of the batch, with p = sigmoid(logits) and t the mask:
/// <c>Dice_i = (2 sum(p t) + eps) / (sum(p) + sum(t) + eps)</c>, eps = <see cref="Epsilon"/> = 1 (so an empty
/// prediction of an empty mask scores 1); the loss is <c>1 - mean_i Dice_i</c>.
/// </summary>
public sealed class DiceLoss : ISegmentationLoss
{
    /// <summary>The smoothing term added to numerator and denominator.</summary>
    public const double Epsilon = 1.0;

    /// <inheritdoc />
    public LossKind Kind => LossKind.Dice;

    /// <inheritdoc />
    public int OutputChannels => 1;

    /// <inheritdoc />
    public Tensor Compute(Tensor logits, LossTargets targets) => SoftDiceLoss(logits, targets.Mask);

    /// <summary>The soft Dice loss of logits against a mask of the same shape.</summary>
    internal static Tensor SoftDiceLoss(Tensor logits, Tensor mask)
    {
        using var scope = NewDisposeScope();
        var p = sigmoid(logits).flatten(1);
        var t = mask.flatten(1);
        using Scalar two = 2.0.ToScalar(), one = 1.0.ToScalar(), eps = Epsilon.ToScalar(); // held for the native calls (see GcSafe)
        var dice = (p * t).sum(1).mul_(two).add_(eps, one).div_(p.sum(1).add_(t.sum(1), one).add_(eps, one));
        return dice.mean().neg_().add_(one, one).MoveToOuterDisposeScope();
    }
}
