using Research.Torch.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Research.Torch.Sam;

/// <summary>
/// Multi-head self-attention of a ViT block over a B x H x W x C token map, with decomposed relative positions
/// (SAM's image encoder <c>Attention</c>; keys <c>qkv</c>, <c>proj</c>, <c>rel_pos_h</c>, <c>rel_pos_w</c>).
/// </summary>
public sealed class VitAttention : Module<Tensor, Tensor>
{
    private readonly Linear qkv;
    private readonly Linear proj;
    private readonly int heads;
    private readonly double scale;

    /// <summary>Creates the layer; <paramref name="inputSize"/> sizes the relative-position tables (2 n - 1 rows each).</summary>
    public VitAttention(int dim, int heads, (int H, int W) inputSize) : base(nameof(VitAttention))
    {
        this.heads = heads;
        int headDim = dim / heads;
        scale = Math.Pow(headDim, -0.5);
        qkv = Linear(dim, dim * 3, hasBias: true);
        proj = Linear(dim, dim);
        RegisterComponents();
        register_parameter("rel_pos_h", new Parameter(zeros(2 * inputSize.H - 1, headDim)));
        register_parameter("rel_pos_w", new Parameter(zeros(2 * inputSize.W - 1, headDim)));
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var scope = NewDisposeScope();
        long b = input.shape[0], h = input.shape[1], w = input.shape[2];
        var parts = qkv.call(input).reshape(b, h * w, 3, heads, -1).permute(2, 0, 3, 1, 4)
            .reshape(3, b * heads, h * w, -1).unbind(0);
        Tensor q = parts[0], k = parts[1], v = parts[2];
        var attention = GcSafe.With(scale, s => q.mul(s)).matmul(k.transpose(-2, -1));
        attention = RelativePosition.Add(attention, q, get_parameter("rel_pos_h")!, get_parameter("rel_pos_w")!,
            ((int)h, (int)w), ((int)h, (int)w));
        attention = attention.softmax(-1);
        var x = attention.matmul(v).view(b, heads, h, w, -1).permute(0, 2, 3, 1, 4).reshape(b, h, w, -1);
        return proj.call(x).MoveToOuterDisposeScope();
    }
}
