using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Research.Torch.Sam;

/// <summary>SAM's <c>MLPBlock</c>: <c>lin2(act(lin1(x)))</c>, GELU in the image encoder, ReLU in the two-way transformer.</summary>
public sealed class MlpBlock : Module<Tensor, Tensor>
{
    private readonly Linear lin1;
    private readonly Linear lin2;
    private readonly bool gelu;

    /// <summary>Creates the block (<paramref name="dim"/> to <paramref name="hidden"/> and back).</summary>
    public MlpBlock(long dim, long hidden, bool gelu) : base(nameof(MlpBlock))
    {
        this.gelu = gelu;
        lin1 = Linear(dim, hidden);
        lin2 = Linear(hidden, dim);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var hidden = lin1.call(input);
        using var activated = gelu ? functional.gelu(hidden) : functional.relu(hidden);
        return lin2.call(activated);
    }
}
