using Research.Torch.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Research.Torch.Sam;

/// <summary>
/// SAM's prompt encoder: points and box corners become sparse tokens (positional encoding of the pixel centre plus a
/// learned embedding per kind: negative point, positive point, top-left and bottom-right corner, "not a point"
/// padding), a low-resolution mask becomes a dense embedding (two stride-2 convolutions with LayerNorm2d and GELU and a
/// 1x1 conv), and without a mask the dense embedding is the learned <c>no_mask_embed</c> everywhere.
/// </summary>
public sealed class PromptEncoder : Module
{
    private readonly PositionEmbeddingRandom pe_layer;
    private readonly ModuleList<Embedding> point_embeddings = new();
    private readonly Embedding not_a_point_embed;
    private readonly Sequential mask_downscaling;
    private readonly Embedding no_mask_embed;
    private readonly SamConfig config;

    /// <summary>Creates the encoder of <paramref name="config"/>.</summary>
    public PromptEncoder(SamConfig config) : base(nameof(PromptEncoder))
    {
        ArgumentNullException.ThrowIfNull(config);
        this.config = config;
        int dim = config.PromptDim, hidden = config.MaskInChannels;
        pe_layer = new PositionEmbeddingRandom(dim / 2);
        for (int i = 0; i < 4; i++) point_embeddings.Add(Embedding(1, dim));
        not_a_point_embed = Embedding(1, dim);
        mask_downscaling = Sequential(
            Conv2d(1, hidden / 4, 2, stride: 2),
            new LayerNorm2d(hidden / 4),
            GELU(),
            Conv2d(hidden / 4, hidden, 2, stride: 2),
            new LayerNorm2d(hidden),
            GELU(),
            Conv2d(hidden, dim, 1));
        no_mask_embed = Embedding(1, dim);
        RegisterComponents();
    }

    /// <summary>The positional encoding of the image embedding's grid: 1 x C x n x n (<c>get_dense_pe</c>).</summary>
    public Tensor DensePositionalEncoding()
    {
        using var grid = pe_layer.Grid(config.EmbeddingSize, config.EmbeddingSize);
        return grid.unsqueeze(0);
    }

    /// <summary>
    /// Sparse (B x N x C) and dense (B x C x n x n) embeddings of the prompts, any of which may be null. Points are
    /// B x P x 2 pixel coordinates in the model's input frame with labels B x P (1 foreground, 0 background, -1
    /// padding); boxes B x 4 (x0, y0, x1, y1); masks B x 1 x 4n x 4n logits. Points without boxes get one padding point.
    /// </summary>
    public (Tensor Sparse, Tensor Dense) Encode(Tensor? points, Tensor? labels, Tensor? boxes, Tensor? masks)
    {
        if ((points is null) != (labels is null)) throw new ArgumentException("points and their labels come together");
        using var scope = NewDisposeScope();
        long batch = points?.shape[0] ?? boxes?.shape[0] ?? masks?.shape[0] ?? 1;
        var device = not_a_point_embed.weight!.device;
        var sparse = empty(batch, 0, config.PromptDim, device: device);
        if (points is not null) sparse = cat([sparse, EmbedPoints(points, labels!, pad: boxes is null)], 1);
        if (boxes is not null) sparse = cat([sparse, EmbedBoxes(boxes)], 1);
        var dense = masks is not null
            ? mask_downscaling.call(masks)
            : no_mask_embed.weight!.reshape(1, -1, 1, 1).expand(batch, -1, config.EmbeddingSize, config.EmbeddingSize);
        return (sparse.MoveToOuterDisposeScope(), dense.MoveToOuterDisposeScope());
    }

    private Tensor EmbedPoints(Tensor points, Tensor labels, bool pad)
    {
        using var half = 0.5.ToScalar();
        using var one = 1.0.ToScalar();
        using var minusOne = (-1.0).ToScalar();
        var coords = points.to(float32).add(half, one);
        labels = labels.to(float32);
        if (pad)
        {
            coords = cat([coords, zeros(coords.shape[0], 1, 2, device: coords.device)], 1);
            labels = cat([labels, full([labels.shape[0], 1], minusOne, float32, labels.device)], 1);
        }
        var embedding = pe_layer.EncodeCoordinates(coords, (config.ImageSize, config.ImageSize));
        Tensor Is(double value)
        {
            using var v = value.ToScalar();
            return labels.eq(v).to(float32).unsqueeze(-1);
        }
        var padding = Is(-1);
        // padding points: the encoding replaced by the "not a point" embedding; labels 0 and 1 add theirs
        embedding = embedding.mul(padding.neg().add(one, one));
        embedding = GcSafe.Add(embedding, padding.mul(not_a_point_embed.weight!));
        embedding = GcSafe.Add(embedding, Is(0).mul(point_embeddings[0].weight!));
        embedding = GcSafe.Add(embedding, Is(1).mul(point_embeddings[1].weight!));
        return embedding;
    }

    private Tensor EmbedBoxes(Tensor boxes)
    {
        using var half = 0.5.ToScalar();
        using var one = 1.0.ToScalar();
        var corners = boxes.to(float32).add(half, one).reshape(-1, 2, 2);
        var embedding = pe_layer.EncodeCoordinates(corners, (config.ImageSize, config.ImageSize));
        var first = GcSafe.Add(embedding[.., TensorIndex.Slice(0, 1), ..], point_embeddings[2].weight!);
        var second = GcSafe.Add(embedding[.., TensorIndex.Slice(1, 2), ..], point_embeddings[3].weight!);
        return cat([first, second], 1);
    }
}
