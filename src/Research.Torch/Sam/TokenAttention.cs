using Research.Torch.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Research.Torch.Sam;

/// <summary>
/// The two-way transformer's attention (<c>Attention</c> in SAM's transformer.py): separate q, k, v projections to
/// <c>dim / downsample</c> channels, multi-head scaled dot-product attention, an output projection back to
/// <c>dim</c>. Keys <c>q_proj</c>, <c>k_proj</c>, <c>v_proj</c>, <c>out_proj</c>.
/// </summary>
public sealed class TokenAttention : Module<Tensor, Tensor, Tensor, Tensor>
{
    private readonly Linear q_proj;
    private readonly Linear k_proj;
    private readonly Linear v_proj;
    private readonly Linear out_proj;
    private readonly int heads;

    /// <summary>Creates the layer.</summary>
    public TokenAttention(int dim, int heads, int downsample = 1) : base(nameof(TokenAttention))
    {
        int inner = dim / downsample;
        if (inner % heads != 0) throw new ArgumentException($"{heads} heads do not divide {inner} channels");
        this.heads = heads;
        q_proj = Linear(dim, inner);
        k_proj = Linear(dim, inner);
        v_proj = Linear(dim, inner);
        out_proj = Linear(inner, dim);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor q, Tensor k, Tensor v)
    {
        using var scope = NewDisposeScope();
        var qh = Separate(q_proj.call(q));
        var kh = Separate(k_proj.call(k));
        var vh = Separate(v_proj.call(v));
        double norm = Math.Sqrt(qh.shape[3]);
        var attention = GcSafe.With(norm, s => qh.matmul(kh.permute(0, 1, 3, 2)).div(s)).softmax(-1);
        var output = attention.matmul(vh);
        long b = output.shape[0], n = output.shape[2];
        return out_proj.call(output.transpose(1, 2).reshape(b, n, -1)).MoveToOuterDisposeScope();
    }

    private Tensor Separate(Tensor x)
    {
        long b = x.shape[0], n = x.shape[1], c = x.shape[2];
        return x.reshape(b, n, heads, c / heads).transpose(1, 2);
    }
}
