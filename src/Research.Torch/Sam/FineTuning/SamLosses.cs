using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Research.Torch.Sam.FineTuning;

/// <summary>
/// The fine-tuning losses, per object (B x 1 x L x L low-resolution logits against soft targets of the same shape):
/// <c>dice-bce</c> = soft Dice loss + binary cross-entropy (MedSAM's); <c>focal-dice</c> = 20 x sigmoid focal loss
/// (alpha 0.25, gamma 2) + soft Dice loss (the 20:1 of SAM's paper). The IoU head learns the mean squared error between
/// its prediction and the IoU of the predicted mask (logits &gt; 0) with the target (&gt; 0.5).
/// </summary>
public static class SamLosses
{
    /// <summary>The fine-tuning loss: <see cref="Mask"/> plus <paramref name="iouWeight"/> times <see cref="Iou"/>.</summary>
    public static Tensor Total(Tensor logits, Tensor predictedIou, Tensor target, string kind, double iouWeight)
    {
        using var scope = NewDisposeScope();
        using var weight = iouWeight.ToScalar();
        return Mask(logits, target, kind).add(Iou(predictedIou, logits, target), weight).MoveToOuterDisposeScope();
    }

    /// <summary>The mask loss named <paramref name="kind"/>, averaged over objects.</summary>
    public static Tensor Mask(Tensor logits, Tensor target, string kind)
    {
        ArgumentNullException.ThrowIfNull(logits);
        using var scope = NewDisposeScope();
        var dice = Losses.DiceLoss.SoftDiceLoss(logits, target);
        using Scalar one = 1.ToScalar(), twenty = 20.0.ToScalar();
        var loss = kind switch
        {
            "dice-bce" => dice.add(functional.binary_cross_entropy_with_logits(logits, target), one),
            "focal-dice" => dice.add(Focal(logits, target), twenty),
            _ => throw new ArgumentException($"unknown loss '{kind}'", nameof(kind)),
        };
        return loss.MoveToOuterDisposeScope();
    }

    /// <summary>Sigmoid focal loss (Lin et al. 2017; alpha 0.25, gamma 2), the mean over pixels and objects.</summary>
    public static Tensor Focal(Tensor logits, Tensor target)
    {
        ArgumentNullException.ThrowIfNull(logits);
        using var scope = NewDisposeScope();
        using Scalar one = 1.ToScalar(), two = 2.0.ToScalar(), minusTwo = (-2.0).ToScalar(), beta = 0.75.ToScalar(), minusHalf = (-0.5).ToScalar();
        var p = sigmoid(logits);
        var ce = functional.binary_cross_entropy_with_logits(logits, target, reduction: Reduction.None);
        // p_t = p t + (1 - p)(1 - t); 1 - p_t = p + t - 2 p t
        var miss = p.add(target, one).add_(p.mul(target), minusTwo);
        // alpha_t = 0.25 t + 0.75 (1 - t) = 0.75 - 0.5 t
        var alphaT = target.mul(minusHalf).add_(beta, one);
        return ce.mul_(miss.pow(two)).mul_(alphaT).mean().MoveToOuterDisposeScope();
    }

    /// <summary>The IoU of each predicted mask (logits &gt; 0) with its target (&gt; 0.5): B x 1; 1 when both are empty.</summary>
    public static Tensor TrueIou(Tensor logits, Tensor target)
    {
        ArgumentNullException.ThrowIfNull(logits);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using Scalar zero = 0.0.ToScalar(), half = 0.5.ToScalar(), one = 1.ToScalar();
        var p = logits.gt(zero).flatten(1);
        var t = target.gt(half).flatten(1);
        var intersection = p.logical_and(t).sum(1).to(ScalarType.Float32);
        var union = p.logical_or(t).sum(1).to(ScalarType.Float32);
        var iou = where(union.gt(zero), intersection.div(union.clamp_min(one)), ones_like(union));
        return iou.unsqueeze(1).MoveToOuterDisposeScope();
    }

    /// <summary>Mean squared error between the predicted IoU (B x 1) and <see cref="TrueIou"/>.</summary>
    public static Tensor Iou(Tensor predicted, Tensor logits, Tensor target)
    {
        using var scope = NewDisposeScope();
        return functional.mse_loss(predicted, TrueIou(logits, target)).MoveToOuterDisposeScope();
    }
}
