using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Research.Torch.Sam;

/// <summary>
/// Segment Anything (Kirillov et al. 2023) with the official state-dict names (<c>image_encoder.*</c>,
/// <c>prompt_encoder.*</c>, <c>mask_decoder.*</c>), so official checkpoints load unchanged
/// (<see cref="SamCheckpoint"/>). Embed an image once with <see cref="ImageEncoder"/>, then decode any number of
/// prompts with <see cref="Decode"/>; <see cref="Preprocess"/> and <see cref="PostprocessMasks"/> are the official
/// normalisation, padding and mask resizing.
/// </summary>
public sealed class SamModel : Module
{
    /// <summary>The ImageNet mean the official model subtracts (RGB, 0-255).</summary>
    public static IReadOnlyList<float> PixelMean { get; } = [123.675f, 116.28f, 103.53f];

    /// <summary>The ImageNet standard deviation the official model divides by (RGB, 0-255).</summary>
    public static IReadOnlyList<float> PixelStd { get; } = [58.395f, 57.12f, 57.375f];

    /// <summary>Creates a model with random weights.</summary>
    public SamModel(SamConfig config) : base(nameof(SamModel))
    {
        ArgumentNullException.ThrowIfNull(config);
        Config = config;
        image_encoder = config.TinyVit is { } tiny ? new TinyVitEncoder(tiny, config.ImageSize, config.PromptDim) : new ImageEncoderVit(config);
        prompt_encoder = new PromptEncoder(config);
        mask_decoder = new MaskDecoder(config);
        RegisterComponents();
    }

    /// <summary>The sizes.</summary>
    public SamConfig Config { get; }

    // Field names are the official state-dict names (RegisterComponents uses them).
    private readonly Module<Tensor, Tensor> image_encoder;
    private readonly PromptEncoder prompt_encoder;
    private readonly MaskDecoder mask_decoder;

    /// <summary>The image encoder: SAM's ViT (<see cref="ImageEncoderVit"/>) or MobileSAM's TinyViT (<see cref="TinyVitEncoder"/>).</summary>
    public Module<Tensor, Tensor> ImageEncoder => image_encoder;

    /// <summary>The prompt encoder.</summary>
    public PromptEncoder PromptEncoder => prompt_encoder;

    /// <summary>The mask decoder.</summary>
    public MaskDecoder MaskDecoder => mask_decoder;

    /// <summary>
    /// Decodes prompts against one image embedding (1 x C x n x n): points (B x P x 2, in the model's input frame) with
    /// labels (B x P), boxes (B x 4), masks (B x 1 x 4n x 4n), any of them null. Returns low-resolution logits
    /// (B x M x 4n x 4n) and IoU predictions (B x M).
    /// </summary>
    public (Tensor Logits, Tensor Iou) Decode(Tensor embedding, Tensor? points, Tensor? labels, Tensor? boxes, Tensor? masks, bool multimask)
    {
        using var scope = NewDisposeScope();
        var (sparse, dense) = PromptEncoder.Encode(points, labels, boxes, masks);
        var (logits, iou) = MaskDecoder.Forward(embedding, PromptEncoder.DensePositionalEncoding(), sparse, dense, multimask);
        return (logits.MoveToOuterDisposeScope(), iou.MoveToOuterDisposeScope());
    }

    /// <summary>
    /// The official input: an image already resized so its longer side is <see cref="SamConfig.ImageSize"/>
    /// (3 x h x w, RGB 0-255), normalised per channel and padded with zeros at the bottom and right to a square.
    /// </summary>
    public Tensor Preprocess(Tensor image)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var scope = NewDisposeScope();
        var mean = tensor(PixelMean.ToArray(), device: image.device).view(-1, 1, 1);
        var std = tensor(PixelStd.ToArray(), device: image.device).view(-1, 1, 1);
        var x = image.to(float32).sub(mean).div(std);
        long padH = Config.ImageSize - x.shape[^2], padW = Config.ImageSize - x.shape[^1];
        if (padH < 0 || padW < 0)
            throw new ArgumentException($"the image is {x.shape[^2]} x {x.shape[^1]}: resize its longer side to {Config.ImageSize} first");
        return functional.pad(x, [0, padW, 0, padH]).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Low-resolution logits (B x M x 4n x 4n) to the original image size: bilinear to the padded input size, the
    /// padding cut (<paramref name="inputSize"/> is the resized image's size), bilinear to <paramref name="originalSize"/>.
    /// </summary>
    public Tensor PostprocessMasks(Tensor logits, (int H, int W) inputSize, (int H, int W) originalSize)
    {
        ArgumentNullException.ThrowIfNull(logits);
        using var scope = NewDisposeScope();
        var x = functional.interpolate(logits, [Config.ImageSize, Config.ImageSize], mode: InterpolationMode.Bilinear, align_corners: false);
        x = x[.., .., TensorIndex.Slice(0, inputSize.H), TensorIndex.Slice(0, inputSize.W)];
        x = functional.interpolate(x, [originalSize.H, originalSize.W], mode: InterpolationMode.Bilinear, align_corners: false);
        return x.MoveToOuterDisposeScope();
    }
}
