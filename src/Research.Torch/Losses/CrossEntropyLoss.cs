using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Research.Torch.Losses;

/// <summary>
/// K-class cross-entropy (softmax over the channel axis) against the 3-class target (background, interior, boundary)
/// of <see cref="Research.Processing.Labels.InstanceTargets.ThreeClass"/>: the mean over every pixel of the batch, or
/// with a boundary weight w the weighted mean sum(c_i l_i) / sum(c_i), c_i = w on boundary pixels and 1 elsewhere
/// (<c>torch.nn.functional.cross_entropy</c> with <c>weight=[1, 1, w]</c>), which makes missing a boundary, and so
/// merging touching objects, cost more.
/// </summary>
/// <param name="boundaryWeight">The weight of the boundary class (1: plain cross-entropy).</param>
public sealed class CrossEntropyLoss(double boundaryWeight = 1) : ISegmentationLoss
{
    /// <summary>Number of classes.</summary>
    public const int Classes = 3;

    /// <summary>The weight of the boundary class.</summary>
    public double BoundaryWeight { get; } = boundaryWeight > 0 && double.IsFinite(boundaryWeight)
        ? boundaryWeight
        : throw new InputException($"--boundary-weight must be a positive number, got {boundaryWeight}.");

    /// <inheritdoc />
    public LossKind Kind => LossKind.CrossEntropy;

    /// <inheritdoc />
    public int OutputChannels => Classes;

    /// <inheritdoc />
    public Tensor Compute(Tensor logits, LossTargets targets)
    {
        var classes = targets.Classes ?? throw new InvalidOperationException("cross-entropy needs the class target in LossTargets.Classes.");
        if (BoundaryWeight == 1) return functional.cross_entropy(logits, classes);
        using var weight = tensor(new float[] { 1f, 1f, (float)BoundaryWeight }, device: logits.device);
        return functional.cross_entropy(logits, classes, weight);
    }
}
