using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Research.Torch.Losses;

/// <summary>
/// Binary cross-entropy weighted per pixel: <c>mean(w * bce)</c> over every pixel of the batch, with w from
/// <see cref="Research.Processing.Labels.WeightMap"/> (class weights 1 and 1.5 plus the overcrowding term).
/// </summary>
public sealed class WeightedBceLoss : ISegmentationLoss
{
    /// <inheritdoc />
    public LossKind Kind => LossKind.WeightedBce;

    /// <inheritdoc />
    public int OutputChannels => 1;

    /// <inheritdoc />
    public Tensor Compute(Tensor logits, LossTargets targets)
    {
        var weights = targets.Weights ?? throw new InvalidOperationException("weighted-bce needs per-pixel weights in LossTargets.Weights.");
        return functional.binary_cross_entropy_with_logits(logits, targets.Mask, weights);
    }
}
