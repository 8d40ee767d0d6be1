using static TorchSharp.torch;

namespace Research.Torch.Losses;

/// <summary>A training loss on model logits.</summary>
public interface ISegmentationLoss
{
    /// <summary>The loss's registry name.</summary>
    LossKind Kind { get; }

    /// <summary>Output channels the model needs: 1 (one logit) or 3 (background, interior, boundary).</summary>
    int OutputChannels { get; }

    /// <summary>The scalar loss of a batch: <paramref name="logits"/> is [B, C, H, W].</summary>
    Tensor Compute(Tensor logits, LossTargets targets);
}
