using Research.Torch.Runtime;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Research.Torch.Losses;

/// <summary>BCE + (1 - soft Dice), both as in <see cref="BceLoss"/> and <see cref="DiceLoss"/>, equally weighted.</summary>
public sealed class BceDiceLoss : ISegmentationLoss
{
    /// <inheritdoc />
    public LossKind Kind => LossKind.BceDice;

    /// <inheritdoc />
    public int OutputChannels => 1;

    /// <inheritdoc />
    public Tensor Compute(Tensor logits, LossTargets targets)
    {
        using var scope = NewDisposeScope();
        var bce = functional.binary_cross_entropy_with_logits(logits, targets.Mask);
        return GcSafe.Add(bce, DiceLoss.SoftDiceLoss(logits, targets.Mask)).MoveToOuterDisposeScope();
    }
}
