using Research.Torch.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Research.Torch.Sam;

/// <summary>
/// TinyViT's <c>TinyViTBlock</c> on B x HW x C tokens of a known resolution: window attention (the grid padded at the
/// bottom and right to whole windows when it is not one window), added to the input; a depthwise 3x3 conv + batch norm
/// (<c>local_conv</c>) on the token map; the MLP added.
/// </summary>
public sealed class TinyVitBlock : Module<Tensor, Tensor>
{
    private readonly TinyVitAttention attn;
    private readonly TinyVitMlp mlp;
    private readonly Sequential local_conv;
    private readonly (int H, int W) resolution;
    private readonly int window;

    /// <summary>Creates the block.</summary>
    public TinyVitBlock(int dim, (int H, int W) resolution, int heads, int window, double mlpRatio) : base(nameof(TinyVitBlock))
    {
        this.resolution = resolution;
        this.window = window;
        attn = new TinyVitAttention(dim, heads, window);
        mlp = new TinyVitMlp(dim, (int)(dim * mlpRatio));
        local_conv = ConvBn.Create(dim, dim, 3, 1, 1, groups: dim);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var scope = NewDisposeScope();
        var (h, w) = resolution;
        long b = input.shape[0], l = input.shape[1], c = input.shape[2];
        if (l != (long)h * w) throw new ArgumentException($"{l} tokens for a {h} x {w} grid");
        Tensor x;
        if (h == window && w == window)
        {
            x = attn.call(input);
        }
        else
        {
            x = input.view(b, h, w, c);
            long padB = (window - h % window) % window, padR = (window - w % window) % window;
            if (padB > 0 || padR > 0) x = functional.pad(x, [0, 0, 0, padR, 0, padB]);
            long ph = h + padB, pw = w + padR, nh = ph / window, nw = pw / window;
            x = x.view(b, nh, window, nw, window, c).transpose(2, 3).reshape(b * nh * nw, window * window, c);
            x = attn.call(x);
            x = x.view(b, nh, nw, window, window, c).transpose(2, 3).reshape(b, ph, pw, c);
            if (padB > 0 || padR > 0) x = x[.., TensorIndex.Slice(0, h), TensorIndex.Slice(0, w)].contiguous();
            x = x.view(b, l, c);
        }
        x = GcSafe.Add(input, x);
        x = local_conv.call(x.transpose(1, 2).reshape(b, c, h, w)).view(b, c, l).transpose(1, 2);
        return GcSafe.Add(x, mlp.call(x)).MoveToOuterDisposeScope();
    }
}
