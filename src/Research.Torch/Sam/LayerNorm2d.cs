using Research.Torch.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Research.Torch.Sam;

/// <summary>
/// Layer normalisation over the channels of an N x C x H x W map (SAM's <c>LayerNorm2d</c>, eps 1e-6): each pixel's
/// channel vector minus its mean, over the square root of its biased variance plus eps, then scaled and shifted per
/// channel. State-dict keys <c>weight</c> and <c>bias</c>.
/// </summary>
public sealed class LayerNorm2d : Module<Tensor, Tensor>
{
    private readonly double eps;

    /// <summary>Creates the layer for <paramref name="channels"/> channels (weight 1, bias 0).</summary>
    public LayerNorm2d(long channels, double eps = 1e-6) : base(nameof(LayerNorm2d))
    {
        this.eps = eps;
        register_parameter("weight", new Parameter(ones(channels)));
        register_parameter("bias", new Parameter(zeros(channels)));
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var mean = input.mean([1], keepdim: true);
        using var one = 1.ToScalar();
        var centred = input.sub(mean);
        var variance = centred.mul(centred).mean([1], keepdim: true);
        using var epsilon = eps.ToScalar();
        var normalised = centred.div(variance.add(epsilon, one).sqrt());
        var weight = get_parameter("weight")!;
        var bias = get_parameter("bias")!;
        return normalised.mul(weight[.., TensorIndex.None, TensorIndex.None]).add(bias[.., TensorIndex.None, TensorIndex.None], one)
            .MoveToOuterDisposeScope();
    }
}
