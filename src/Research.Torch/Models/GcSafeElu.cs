using Research.Torch.Runtime;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Research.Torch.Models;

/// <summary>
/// ELU with alpha 1 (<c>torch.nn.ELU()</c>: x for x &gt; 0, exp(x) - 1 otherwise), computing exactly what TorchSharp's
/// <c>ELU</c> computes, but with its three Scalars (alpha, scale, input scale) held for the native call; TorchSharp's
/// module creates them implicitly and a collection can free them mid-call (see <see cref="GcSafe"/>). No parameters.
/// </summary>
public sealed class GcSafeElu() : Module<Tensor, Tensor>(nameof(ELU))
{
    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var one = 1.0.ToScalar();
        return input.elu(one, one, one);
    }
}
