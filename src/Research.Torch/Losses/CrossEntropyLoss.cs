using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Research.Torch.Losses;

/// <summary>
/// K-class cross-entropy (softmax over the channel axis), mean over every pixel of the batch, against the 3-class
/// target (background, interior, boundary) of <see cref="Research.Processing.Labels.InstanceTargets.ThreeClass"/>.
/// </summary>
public sealed class CrossEntropyLoss : ISegmentationLoss
{
    /// <summary>Number of classes.</summary>
    public const int Classes = 3;

    /// <inheritdoc />
    public LossKind Kind => LossKind.CrossEntropy;

    /// <inheritdoc />
    public int OutputChannels => Classes;

    /// <inheritdoc />
    public Tensor Compute(Tensor logits, LossTargets targets)
    {
        var classes = targets.Classes ?? throw new InvalidOperationException("cross-entropy needs the class target in LossTargets.Classes.");
        return functional.cross_entropy(logits, classes);
    }
}
