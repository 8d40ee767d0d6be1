using Research.Torch.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Research.Torch.Sam;

/// <summary>
/// One block of the two-way transformer: self-attention of the tokens, tokens attending to the image, an MLP on the
/// tokens, the image attending to the tokens; a layer norm after each (norm1-norm4). The first block skips the
/// positional encoding in its self-attention and replaces the tokens instead of adding to them.
/// </summary>
public sealed class TwoWayAttentionBlock : Module
{
    private readonly TokenAttention self_attn;
    private readonly LayerNorm norm1;
    private readonly TokenAttention cross_attn_token_to_image;
    private readonly LayerNorm norm2;
    private readonly MlpBlock mlp;
    private readonly LayerNorm norm3;
    private readonly LayerNorm norm4;
    private readonly TokenAttention cross_attn_image_to_token;
    private readonly bool skipFirstLayerPe;

    /// <summary>Creates the block.</summary>
    public TwoWayAttentionBlock(int dim, int heads, int mlpDim, bool skipFirstLayerPe) : base(nameof(TwoWayAttentionBlock))
    {
        this.skipFirstLayerPe = skipFirstLayerPe;
        self_attn = new TokenAttention(dim, heads);
        norm1 = LayerNorm(dim);
        cross_attn_token_to_image = new TokenAttention(dim, heads, 2);
        norm2 = LayerNorm(dim);
        mlp = new MlpBlock(dim, mlpDim, gelu: false);
        norm3 = LayerNorm(dim);
        norm4 = LayerNorm(dim);
        cross_attn_image_to_token = new TokenAttention(dim, heads, 2);
        RegisterComponents();
    }

    /// <summary>Updates the tokens (queries) and the image (keys).</summary>
    public (Tensor Queries, Tensor Keys) Forward(Tensor queries, Tensor keys, Tensor queryPe, Tensor keyPe)
    {
        using var scope = NewDisposeScope();
        if (skipFirstLayerPe)
        {
            queries = self_attn.call(queries, queries, queries);
        }
        else
        {
            var q0 = GcSafe.Add(queries, queryPe);
            queries = GcSafe.Add(queries, self_attn.call(q0, q0, queries));
        }
        queries = norm1.call(queries);

        var q = GcSafe.Add(queries, queryPe);
        var k = GcSafe.Add(keys, keyPe);
        queries = norm2.call(GcSafe.Add(queries, cross_attn_token_to_image.call(q, k, keys)));
        queries = norm3.call(GcSafe.Add(queries, mlp.call(queries)));

        q = GcSafe.Add(queries, queryPe);
        k = GcSafe.Add(keys, keyPe);
        keys = norm4.call(GcSafe.Add(keys, cross_attn_image_to_token.call(k, q, queries)));
        return (queries.MoveToOuterDisposeScope(), keys.MoveToOuterDisposeScope());
    }
}
