using Research.Torch.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Research.Torch.Sam;

/// <summary>
/// SAM's two-way transformer: the prompt tokens and the flattened image embedding update each other through
/// <see cref="TwoWayAttentionBlock"/>s (<c>layers.i</c>), then a last token-to-image attention and layer norm
/// (<c>final_attn_token_to_image</c>, <c>norm_final_attn</c>).
/// </summary>
public sealed class TwoWayTransformer : Module
{
    private readonly ModuleList<TwoWayAttentionBlock> layers = new();
    private readonly TokenAttention final_attn_token_to_image;
    private readonly LayerNorm norm_final_attn;

    /// <summary>Creates the transformer of <paramref name="config"/>.</summary>
    public TwoWayTransformer(SamConfig config) : base(nameof(TwoWayTransformer))
    {
        ArgumentNullException.ThrowIfNull(config);
        for (int i = 0; i < config.DecoderDepth; i++)
            layers.Add(new TwoWayAttentionBlock(config.PromptDim, config.DecoderHeads, config.DecoderMlpDim, skipFirstLayerPe: i == 0));
        final_attn_token_to_image = new TokenAttention(config.PromptDim, config.DecoderHeads, 2);
        norm_final_attn = LayerNorm(config.PromptDim);
        RegisterComponents();
    }

    /// <summary>
    /// Runs the transformer on an image embedding (B x C x h x w), its positional encoding (same shape) and the tokens
    /// (B x N x C); returns the tokens (B x N x C) and the image (B x hw x C).
    /// </summary>
    public (Tensor Tokens, Tensor Image) Forward(Tensor image, Tensor imagePe, Tensor tokens)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(imagePe);
        using var scope = NewDisposeScope();
        var keys = image.flatten(2).permute(0, 2, 1);
        var keyPe = imagePe.flatten(2).permute(0, 2, 1);
        var queries = tokens;
        foreach (var layer in layers) (queries, keys) = layer.Forward(queries, keys, tokens, keyPe);
        var q = GcSafe.Add(queries, tokens);
        var k = GcSafe.Add(keys, keyPe);
        queries = norm_final_attn.call(GcSafe.Add(queries, final_attn_token_to_image.call(q, k, keys)));
        return (queries.MoveToOuterDisposeScope(), keys.MoveToOuterDisposeScope());
    }
}
