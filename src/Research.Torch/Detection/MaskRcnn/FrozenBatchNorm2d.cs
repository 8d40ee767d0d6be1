using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Research.Torch.Detection.MaskRcnn;

/// <summary>
/// torchvision's <c>FrozenBatchNorm2d</c>: batch normalisation with fixed statistics and affine parameters, all four
/// held as buffers (<c>weight</c>, <c>bias</c>, <c>running_mean</c>, <c>running_var</c>), so no optimiser moves them:
/// <c>y = x * w / sqrt(var + eps) + (b - mean * w / sqrt(var + eps))</c>, eps 1e-5. The detection backbones of
/// torchvision use it whenever they start from trained weights.
/// </summary>
public sealed class FrozenBatchNorm2d : Module<Tensor, Tensor>
{
    private readonly double _eps;

    /// <summary>Creates the layer for <paramref name="channels"/> channels (weight 1, bias 0, mean 0, variance 1).</summary>
    public FrozenBatchNorm2d(long channels, double eps = 1e-5) : base(nameof(FrozenBatchNorm2d))
    {
        _eps = eps;
        register_buffer("weight", ones(channels));
        register_buffer("bias", zeros(channels));
        register_buffer("running_mean", zeros(channels));
        register_buffer("running_var", ones(channels));
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var scope = NewDisposeScope();
        using Scalar eps = _eps.ToScalar(), one = 1.ToScalar();
        var w = get_buffer("weight")!;
        var b = get_buffer("bias")!;
        var mean = get_buffer("running_mean")!;
        var variance = get_buffer("running_var")!;
        var scale = w.mul(variance.add(eps, one).rsqrt());
        var shift = b.sub(mean.mul(scale));
        return input.mul(scale.view(1, -1, 1, 1)).add(shift.view(1, -1, 1, 1), one).MoveToOuterDisposeScope();
    }
}
