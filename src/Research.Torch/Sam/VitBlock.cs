using Research.Torch.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Research.Torch.Sam;

/// <summary>
/// A pre-norm ViT block of SAM's image encoder: <c>x + attn(norm1(x))</c> (within windows when
/// the window size is positive, globally otherwise), then <c>x + mlp(norm2(x))</c>; layer norms with eps 1e-6.
/// </summary>
public sealed class VitBlock : Module<Tensor, Tensor>
{
    private readonly LayerNorm norm1;
    private readonly VitAttention attn;
    private readonly LayerNorm norm2;
    private readonly MlpBlock mlp;
    private readonly int window;

    /// <summary>Creates the block for a token grid of <paramref name="gridSize"/>.</summary>
    public VitBlock(int dim, int heads, int window, int gridSize) : base(nameof(VitBlock))
    {
        this.window = window;
        norm1 = LayerNorm(dim, 1e-6);
        int tableSize = window > 0 ? window : gridSize;
        attn = new VitAttention(dim, heads, (tableSize, tableSize));
        norm2 = LayerNorm(dim, 1e-6);
        mlp = new MlpBlock(dim, dim * 4, gelu: true);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var scope = NewDisposeScope();
        var x = norm1.call(input);
        if (window > 0)
        {
            long h = x.shape[1], w = x.shape[2];
            var (windows, padded) = Windows.Partition(x, window);
            x = Windows.Unpartition(attn.call(windows), window, padded, (h, w));
        }
        else
        {
            x = attn.call(x);
        }
        x = GcSafe.Add(input, x);
        return GcSafe.Add(x, mlp.call(norm2.call(x))).MoveToOuterDisposeScope();
    }
}
