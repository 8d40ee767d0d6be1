using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Research.Torch.Sam;

/// <summary>TinyViT's <c>Mlp</c>: layer norm, <c>fc1</c>, GELU, <c>fc2</c> (dropout 0).</summary>
public sealed class TinyVitMlp : Module<Tensor, Tensor>
{
    private readonly LayerNorm norm;
    private readonly Linear fc1;
    private readonly Linear fc2;

    /// <summary>Creates the MLP.</summary>
    public TinyVitMlp(int dim, int hidden) : base(nameof(TinyVitMlp))
    {
        norm = LayerNorm(dim);
        fc1 = Linear(dim, hidden);
        fc2 = Linear(hidden, dim);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return fc2.call(functional.gelu(fc1.call(norm.call(input)))).MoveToOuterDisposeScope();
    }
}
