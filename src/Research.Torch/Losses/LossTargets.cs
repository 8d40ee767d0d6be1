using static TorchSharp.torch;

namespace Research.Torch.Losses;

/// <summary>The targets of one batch, on the model's device.</summary>
/// <param name="Mask">Foreground mask, float [B, 1, H, W] of 0 and 1.</param>
/// <param name="Classes">3-class target (0 background, 1 interior, 2 boundary), int64 [B, H, W]; null unless the loss needs it.</param>
/// <param name="Weights">Per-pixel weights, float [B, 1, H, W]; null unless the loss needs them.</param>
public sealed record LossTargets(Tensor Mask, Tensor? Classes = null, Tensor? Weights = null);
