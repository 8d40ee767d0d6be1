namespace Research.Torch.Sam;

/// <summary>
/// The sizes of a Segment Anything model (Kirillov et al. 2023; the official <c>build_sam.py</c>). The three published
/// variants differ only in the image encoder: ViT-B (768 wide, 12 blocks, 12 heads), ViT-L (1024, 24, 16) and ViT-H
/// (1280, 32, 16), each with global attention in four evenly spaced blocks and 14 x 14 windows elsewhere. The prompt
/// encoder and mask decoder are shared: 256-channel embeddings, a two-block two-way transformer (8 heads, MLP 2048)
/// and 3 + 1 mask tokens. MobileSAM's <c>vit-t</c> replaces the encoder with TinyViT (<see cref="TinyVit"/>).
/// Smaller configurations (tests) use the same classes.
/// </summary>
public sealed record SamConfig
{
    /// <summary>Side of the square input the image encoder expects (the image is resized and padded to it). <value>1024.</value></summary>
    public int ImageSize { get; init; } = 1024;

    /// <summary>Patch side of the ViT. <value>16.</value></summary>
    public int PatchSize { get; init; } = 16;

    /// <summary>Width of the ViT.</summary>
    public int EncoderDim { get; init; } = 768;

    /// <summary>Number of ViT blocks.</summary>
    public int EncoderDepth { get; init; } = 12;

    /// <summary>Attention heads of each ViT block.</summary>
    public int EncoderHeads { get; init; } = 12;

    /// <summary>Blocks (0-based) with global attention; the others attend within windows.</summary>
    public IReadOnlyList<int> GlobalAttentionBlocks { get; init; } = [2, 5, 8, 11];

    /// <summary>Window side (tokens) of the windowed blocks. <value>14.</value></summary>
    public int WindowSize { get; init; } = 14;

    /// <summary>Channels of the image and prompt embeddings. <value>256.</value></summary>
    public int PromptDim { get; init; } = 256;

    /// <summary>Hidden channels of the mask-input down-scaling. <value>16.</value></summary>
    public int MaskInChannels { get; init; } = 16;

    /// <summary>Hidden width of the two-way transformer's MLP. <value>2048.</value></summary>
    public int DecoderMlpDim { get; init; } = 2048;

    /// <summary>Attention heads of the two-way transformer. <value>8.</value></summary>
    public int DecoderHeads { get; init; } = 8;

    /// <summary>Blocks of the two-way transformer. <value>2.</value></summary>
    public int DecoderDepth { get; init; } = 2;

    /// <summary>Hidden width of the IoU prediction head. <value>256.</value></summary>
    public int IouHeadHidden { get; init; } = 256;

    /// <summary>MobileSAM's TinyViT encoder sizes, or null for SAM's ViT (the Encoder* sizes then apply).</summary>
    public TinyVitConfig? TinyVit { get; init; }

    /// <summary>Side of the image embedding: <see cref="ImageSize"/> / <see cref="PatchSize"/>.</summary>
    public int EmbeddingSize => ImageSize / PatchSize;

    /// <summary>ViT-B (<c>sam_vit_b_01ec64.pth</c>).</summary>
    public static SamConfig VitB { get; } = new();

    /// <summary>ViT-L (<c>sam_vit_l_0b3195.pth</c>).</summary>
    public static SamConfig VitL { get; } = new() { EncoderDim = 1024, EncoderDepth = 24, EncoderHeads = 16, GlobalAttentionBlocks = [5, 11, 17, 23] };

    /// <summary>ViT-H (<c>sam_vit_h_4b8939.pth</c>).</summary>
    public static SamConfig VitH { get; } = new() { EncoderDim = 1280, EncoderDepth = 32, EncoderHeads = 16, GlobalAttentionBlocks = [7, 15, 23, 31] };

    /// <summary>MobileSAM (<c>mobile_sam.pt</c>): the TinyViT encoder with SAM's prompt encoder and mask decoder.</summary>
    public static SamConfig VitT { get; } = new() { TinyVit = new TinyVitConfig() };

    /// <summary>The variant names <see cref="ForVariant"/> accepts.</summary>
    public static IReadOnlyList<string> Variants { get; } = ["vit-b", "vit-l", "vit-h", "vit-t"];

    /// <summary>The configuration of <c>--variant</c> <paramref name="variant"/>; an unknown name is an <see cref="InputException"/> listing the valid ones.</summary>
    public static SamConfig FromOption(string variant)
    {
        try { return ForVariant(variant); }
        catch (ArgumentException e) { throw new InputException("--variant: " + e.Message, e); }
    }

    /// <summary>The configuration of a published variant (<c>vit-b</c>, <c>vit-l</c>, <c>vit-h</c>; <c>vit_b</c> spellings too).</summary>
    /// <exception cref="ArgumentException">The name is not one of them (the message lists them).</exception>
    public static SamConfig ForVariant(string variant) => variant.Replace('_', '-').ToLowerInvariant() switch
    {
        "vit-b" => VitB,
        "vit-l" => VitL,
        "vit-h" => VitH,
        "vit-t" => VitT,
        _ => throw new ArgumentException($"unknown Segment Anything variant '{variant}': use one of {string.Join(", ", Variants)}", nameof(variant)),
    };
}
