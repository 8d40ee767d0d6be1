using static TorchSharp.torch;

namespace Research.Torch.Detection.MaskRcnn;

/// <summary>The truth of one training image: boxes <c>[G, 4]</c> (x0, y0, x1, y1, pixel edges), labels <c>[G]</c> (int64, 1..C-1) and masks <c>[G, H, W]</c> (0/1).</summary>
public sealed record MaskRcnnTarget(Tensor Boxes, Tensor Labels, Tensor Masks) : IDisposable
{
    /// <inheritdoc />
    public void Dispose()
    {
        Boxes.Dispose();
        Labels.Dispose();
        Masks.Dispose();
    }
}

/// <summary>The five losses of a training step, as torchvision names them (their sum is what is minimised).</summary>
public sealed record MaskRcnnLosses(Tensor Objectness, Tensor RpnBox, Tensor Classifier, Tensor BoxRegression, Tensor Mask) : IDisposable
{
    /// <summary>The sum of the five.</summary>
    public Tensor Total()
    {
        using var scope = NewDisposeScope();
        return Research.Torch.Runtime.GcSafe.Add(Research.Torch.Runtime.GcSafe.Add(Research.Torch.Runtime.GcSafe.Add(Research.Torch.Runtime.GcSafe.Add(Objectness, RpnBox), Classifier), BoxRegression), Mask)
            .MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Objectness.Dispose();
        RpnBox.Dispose();
        Classifier.Dispose();
        BoxRegression.Dispose();
        Mask.Dispose();
    }
}
