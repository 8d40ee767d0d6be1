using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Research.Torch.Losses;

/// <summary>Binary cross-entropy on logits, <c>mean(-(t log s(x) + (1 - t) log(1 - s(x))))</c> over every pixel of the batch.</summary>
public sealed class BceLoss : ISegmentationLoss
{
    /// <inheritdoc />
    public LossKind Kind => LossKind.Bce;

    /// <inheritdoc />
    public int OutputChannels => 1;

    /// <inheritdoc />
    public Tensor Compute(Tensor logits, LossTargets targets) =>
        functional.binary_cross_entropy_with_logits(logits, targets.Mask);
}
