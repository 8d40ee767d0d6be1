using Research.Torch.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Research.Torch.Sam;

/// <summary>
/// TinyViT's window attention (<c>Attention</c>): layer norm, one qkv projection split per head into key, key and value
/// of the head width, scaled dot products plus a learned bias per head and per distinct |dy|, |dx| offset between two
/// positions of the window (<c>attention_biases</c>, indexed as the official <c>attention_bias_idxs</c>), output
/// projection. On B x N x C tokens of one window.
/// </summary>
public sealed class TinyVitAttention : Module<Tensor, Tensor>
{
    private readonly LayerNorm norm;
    private readonly Linear qkv;
    private readonly Linear proj;
    private readonly int heads;
    private readonly int keyDim;
    private readonly long[] biasIndex;
    private readonly int window;

    /// <summary>Creates the layer for windows of <paramref name="window"/> x <paramref name="window"/>.</summary>
    public TinyVitAttention(int dim, int heads, int window) : base(nameof(TinyVitAttention))
    {
        this.heads = heads;
        this.window = window;
        keyDim = dim / heads;
        norm = LayerNorm(dim);
        qkv = Linear(dim, keyDim * heads * 3);
        proj = Linear(keyDim * heads, dim);
        // offsets numbered in the order the official double loop first meets them
        var offsets = new Dictionary<(int, int), int>();
        int n = window * window;
        biasIndex = new long[n * n];
        for (int p1 = 0; p1 < n; p1++)
            for (int p2 = 0; p2 < n; p2++)
            {
                var offset = (Math.Abs(p1 / window - p2 / window), Math.Abs(p1 % window - p2 % window));
                if (!offsets.TryGetValue(offset, out int id)) offsets[offset] = id = offsets.Count;
                biasIndex[p1 * n + p2] = id;
            }
        register_parameter("attention_biases", new Parameter(zeros(heads, offsets.Count)));
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var scope = NewDisposeScope();
        long b = input.shape[0], n = input.shape[1];
        var parts = qkv.call(norm.call(input)).view(b, n, heads, -1).split([keyDim, keyDim, keyDim], 3);
        var q = parts[0].permute(0, 2, 1, 3);
        var k = parts[1].permute(0, 2, 1, 3);
        var v = parts[2].permute(0, 2, 1, 3);
        var biases = get_parameter("attention_biases")!;
        using var index = tensor(biasIndex, device: biases.device);
        var bias = biases.index_select(1, index).view(heads, window * window, window * window);
        var attention = GcSafe.With(Math.Pow(keyDim, -0.5), s => q.matmul(k.transpose(-2, -1)).mul(s));
        attention = GcSafe.Add(attention, bias).softmax(-1);
        var x = attention.matmul(v).transpose(1, 2).reshape(b, n, keyDim * heads);
        return proj.call(x).MoveToOuterDisposeScope();
    }
}
