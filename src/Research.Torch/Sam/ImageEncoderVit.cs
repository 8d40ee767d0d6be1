using Research.Torch.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Research.Torch.Sam;

/// <summary>
/// SAM's image encoder (<c>ImageEncoderViT</c>, after ViTDet): a patch embedding (a strided convolution,
/// <c>patch_embed.proj</c>), an absolute positional embedding (<c>pos_embed</c>, 1 x n x n x C), the ViT blocks with
/// windowed or global attention, and a neck (1x1 conv, LayerNorm2d, 3x3 conv, LayerNorm2d; no conv biases) to
/// <see cref="SamConfig.PromptDim"/> channels. Input: B x 3 x S x S, normalised and padded; output B x 256 x S/16 x S/16.
/// </summary>
public sealed class ImageEncoderVit : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> patch_embed;
    private readonly ModuleList<VitBlock> blocks = new();
    private readonly Sequential neck;

    /// <summary>Creates the encoder of <paramref name="config"/>.</summary>
    public ImageEncoderVit(SamConfig config) : base(nameof(ImageEncoderVit))
    {
        ArgumentNullException.ThrowIfNull(config);
        int grid = config.EmbeddingSize;
        patch_embed = Sequential(("proj", Conv2d(3, config.EncoderDim, config.PatchSize, stride: config.PatchSize)));
        register_parameter("pos_embed", new Parameter(zeros(1, grid, grid, config.EncoderDim)));
        for (int i = 0; i < config.EncoderDepth; i++)
        {
            int window = config.GlobalAttentionBlocks.Contains(i) ? 0 : config.WindowSize;
            blocks.Add(new VitBlock(config.EncoderDim, config.EncoderHeads, window, grid));
        }
        neck = Sequential(
            Conv2d(config.EncoderDim, config.PromptDim, 1, bias: false),
            new LayerNorm2d(config.PromptDim),
            Conv2d(config.PromptDim, config.PromptDim, 3, padding: 1, bias: false),
            new LayerNorm2d(config.PromptDim));
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = patch_embed.call(input).permute(0, 2, 3, 1);
        x = GcSafe.Add(x, get_parameter("pos_embed")!);
        foreach (var block in blocks) x = block.call(x);
        return neck.call(x.permute(0, 3, 1, 2)).MoveToOuterDisposeScope();
    }
}
