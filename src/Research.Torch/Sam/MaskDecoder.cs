using Research.Torch.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Research.Torch.Sam;

/// <summary>
/// SAM's mask decoder: an IoU token and 3 + 1 mask tokens join the prompt tokens; the two-way transformer runs on them
/// and the image embedding (plus the dense prompt embedding); the image is upscaled 4x by two transposed convolutions
/// (<c>output_upscaling</c>); each mask token's hypernetwork MLP gives the weights of a dot product with every
/// upscaled pixel (the mask logits, 4n x 4n); the IoU head predicts each mask's quality. With multimask output the
/// three ambiguity masks (tokens 1-3) are returned, otherwise the single-mask token 0.
/// </summary>
public sealed class MaskDecoder : Module
{
    private const int MaskTokens = 4;
    private readonly TwoWayTransformer transformer;
    private readonly Embedding iou_token;
    private readonly Embedding mask_tokens;
    private readonly Sequential output_upscaling;
    private readonly ModuleList<SamMlp> output_hypernetworks_mlps = new();
    private readonly SamMlp iou_prediction_head;

    /// <summary>Creates the decoder of <paramref name="config"/>.</summary>
    public MaskDecoder(SamConfig config) : base(nameof(MaskDecoder))
    {
        ArgumentNullException.ThrowIfNull(config);
        int dim = config.PromptDim;
        transformer = new TwoWayTransformer(config);
        iou_token = Embedding(1, dim);
        mask_tokens = Embedding(MaskTokens, dim);
        output_upscaling = Sequential(
            ConvTranspose2d(dim, dim / 4, 2, stride: 2),
            new LayerNorm2d(dim / 4),
            GELU(),
            ConvTranspose2d(dim / 4, dim / 8, 2, stride: 2),
            GELU());
        for (int i = 0; i < MaskTokens; i++) output_hypernetworks_mlps.Add(new SamMlp(dim, dim, dim / 8, 3));
        iou_prediction_head = new SamMlp(dim, config.IouHeadHidden, MaskTokens, 3);
        RegisterComponents();
    }

    /// <summary>
    /// Mask logits (B x M x 4n x 4n) and IoU predictions (B x M), M = 3 with <paramref name="multimask"/>, else 1,
    /// for one image embedding (1 x C x n x n, repeated for the B prompts) and the prompts' embeddings.
    /// </summary>
    public (Tensor Logits, Tensor Iou) Forward(Tensor imageEmbedding, Tensor imagePe, Tensor sparse, Tensor dense, bool multimask)
    {
        ArgumentNullException.ThrowIfNull(imageEmbedding);
        ArgumentNullException.ThrowIfNull(imagePe);
        ArgumentNullException.ThrowIfNull(sparse);
        using var scope = NewDisposeScope();
        long prompts = sparse.shape[0];
        var output = cat([iou_token.weight!, mask_tokens.weight!], 0).unsqueeze(0).expand(prompts, -1, -1);
        var tokens = cat([output, sparse], 1);
        var src = GcSafe.Add(imageEmbedding.repeat_interleave(prompts, 0), dense);
        var pos = imagePe.repeat_interleave(prompts, 0);
        long b = src.shape[0], c = src.shape[1], h = src.shape[2], w = src.shape[3];
        var (hs, image) = transformer.Forward(src, pos, tokens);
        var iouOut = hs[.., 0, ..];
        var upscaled = output_upscaling.call(image.transpose(1, 2).reshape(b, c, h, w));
        var hyper = stack(Enumerable.Range(0, MaskTokens).Select(i => output_hypernetworks_mlps[i].call(hs[.., 1 + i, ..])), 1);
        long uc = upscaled.shape[1], uh = upscaled.shape[2], uw = upscaled.shape[3];
        var masks = hyper.matmul(upscaled.view(b, uc, uh * uw)).view(b, -1, uh, uw);
        var iou = iou_prediction_head.call(iouOut);
        var slice = multimask ? TensorIndex.Slice(1, null) : TensorIndex.Slice(0, 1);
        return (masks[.., slice, .., ..].MoveToOuterDisposeScope(), iou[.., slice].MoveToOuterDisposeScope());
    }
}
