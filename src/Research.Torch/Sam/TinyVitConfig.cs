namespace Research.Torch.Sam;

/// <summary>
/// The sizes of MobileSAM's TinyViT image encoder (Zhang et al. 2023; <c>build_sam_vit_t</c>): a convolutional patch
/// embedding (4x down), a stage of MBConv blocks, three stages of windowed attention blocks with local convolutions,
/// patch merging between stages, and SAM's neck to 256 channels. The published <c>vit_t</c>: widths 64, 128, 160, 320,
/// depths 2, 2, 6, 2, heads 2, 4, 5, 10, windows 7, 7, 14, 7, MLP ratio 4, 1000 classes (an unused classifier head
/// that the checkpoint holds).
/// </summary>
public sealed record TinyVitConfig
{
    /// <summary>Channels of the four stages.</summary>
    public IReadOnlyList<int> Widths { get; init; } = [64, 128, 160, 320];

    /// <summary>Blocks of the four stages.</summary>
    public IReadOnlyList<int> Depths { get; init; } = [2, 2, 6, 2];

    /// <summary>Attention heads of the four stages (the first, convolutional, stage has none).</summary>
    public IReadOnlyList<int> Heads { get; init; } = [2, 4, 5, 10];

    /// <summary>Attention window side of the four stages.</summary>
    public IReadOnlyList<int> Windows { get; init; } = [7, 7, 14, 7];

    /// <summary>Hidden width of the attention blocks' MLP over their width. <value>4.</value></summary>
    public double MlpRatio { get; init; } = 4.0;

    /// <summary>Outputs of the (unused) classifier head kept for the checkpoint's keys. <value>1000.</value></summary>
    public int Classes { get; init; } = 1000;
}
