using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Research.Torch.Sam;

/// <summary>
/// MobileSAM's image encoder (<c>TinyViT</c> with SAM's neck), with the official state-dict names: <c>patch_embed.seq</c>
/// (two stride-2 3x3 conv + batch norm with GELU between), <c>layers.0</c> (MBConv blocks), <c>layers.1-3</c> (window
/// attention blocks), patch merging between them, the unused classifier <c>norm_head</c>/<c>head</c>, and the
/// <c>neck</c> to 256 channels. Input B x 3 x S x S (normalised, padded); output B x 256 x S/16 x S/16.
/// </summary>
public sealed class TinyVitEncoder : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> patch_embed;
    private readonly ModuleList<TinyVitStage> layers = new();
    private readonly LayerNorm norm_head;
    private readonly Linear head;
    private readonly Sequential neck;
    private readonly int grid;

    /// <summary>Creates the encoder for <paramref name="imageSize"/> px inputs.</summary>
    public TinyVitEncoder(TinyVitConfig config, int imageSize, int outChannels) : base(nameof(TinyVitEncoder))
    {
        ArgumentNullException.ThrowIfNull(config);
        var widths = config.Widths;
        patch_embed = Sequential(("seq", Sequential(
            ConvBn.Create(3, widths[0] / 2, 3, 2, 1),
            GELU(),
            ConvBn.Create(widths[0] / 2, widths[0], 3, 2, 1))));
        int resolution = imageSize / 4;
        for (int i = 0; i < widths.Count; i++)
        {
            bool last = i == widths.Count - 1;
            int outWidth = widths[Math.Min(i + 1, widths.Count - 1)];
            var merging = last ? null : new PatchMerging((resolution, resolution), widths[i], outWidth);
            IEnumerable<Module<Tensor, Tensor>> stageBlocks = i == 0
                ? Enumerable.Range(0, config.Depths[i]).Select(_ => (Module<Tensor, Tensor>)new MbConv(widths[i], 4.0)).ToList()
                : Enumerable.Range(0, config.Depths[i]).Select(_ => (Module<Tensor, Tensor>)new TinyVitBlock(widths[i], (resolution, resolution), config.Heads[i], config.Windows[i], config.MlpRatio)).ToList();
            layers.Add(new TinyVitStage(stageBlocks, merging));
            if (!last) resolution /= PatchMerging.Stride(outWidth);
        }
        grid = resolution;
        norm_head = LayerNorm(widths[^1]);
        head = Linear(widths[^1], config.Classes);
        neck = Sequential(
            Conv2d(widths[^1], outChannels, 1, bias: false),
            new LayerNorm2d(outChannels),
            Conv2d(outChannels, outChannels, 3, padding: 1, bias: false),
            new LayerNorm2d(outChannels));
        RegisterComponents();
    }

    /// <summary>Side of the output grid (64 for MobileSAM's 1024 px input).</summary>
    public int Grid => grid;

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = patch_embed.call(input);
        foreach (var layer in layers) x = layer.call(x);
        long b = x.shape[0], c = x.shape[2];
        return neck.call(x.view(b, grid, grid, c).permute(0, 3, 1, 2)).MoveToOuterDisposeScope();
    }
}
