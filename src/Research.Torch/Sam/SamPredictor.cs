using Research.Imaging;
using Research.Imaging.Drawing;
using Research.Processing;
using TorchSharp;
using static TorchSharp.torch;

namespace Research.Torch.Sam;

/// <summary>The masks of a batch of prompts on one image.</summary>
/// <param name="Masks">B x M x H x W booleans at the image's original size (logits &gt; 0).</param>
/// <param name="Logits">B x M x H x W logits at the original size.</param>
/// <param name="Iou">B x M predicted IoU of each mask.</param>
/// <param name="LowResolution">B x M x 4n x 4n low-resolution logits (256 x 256 for the published models).</param>
public sealed record SamPrediction(Tensor Masks, Tensor Logits, Tensor Iou, Tensor LowResolution) : IDisposable
{
    /// <inheritdoc />
    public void Dispose()
    {
        Masks.Dispose();
        Logits.Dispose();
        Iou.Dispose();
        LowResolution.Dispose();
    }
}

/// <summary>
/// The official <c>SamPredictor</c>: <see cref="SetImage"/> resizes the image so its longer side is the model's input
/// size (Pillow's bilinear filter, <see cref="ResizePil"/>, as <c>ResizeLongestSide.apply_image</c>), normalises,
/// pads and embeds it once; <see cref="Predict"/> scales prompt coordinates from the original image to the resized
/// one, decodes them and resizes the logits back to the original size. Grey images are repeated into three channels, alpha dropped.
/// </summary>
public sealed class SamPredictor : IDisposable
{
    private readonly SamModel model;
    private Tensor? embedding;

    /// <summary>Wraps <paramref name="model"/> (put in evaluation mode).</summary>
    public SamPredictor(SamModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        this.model = model;
        model.eval();
    }

    /// <summary>The original size (H, W) of the current image.</summary>
    public (int H, int W) OriginalSize { get; private set; }

    /// <summary>The resized size (H, W) the model sees before padding.</summary>
    public (int H, int W) InputSize { get; private set; }

    /// <summary>The image embedding (1 x C x n x n) of the current image.</summary>
    public Tensor Embedding => embedding ?? throw new InvalidOperationException("call SetImage first");

    /// <summary>The size (H, W) an image is resized to: longer side <paramref name="target"/>, the other rounded half up (<c>get_preprocess_shape</c>).</summary>
    public static (int H, int W) ResizedSize(int height, int width, int target)
    {
        double scale = target * 1.0 / Math.Max(height, width);
        return ((int)(height * scale + 0.5), (int)(width * scale + 0.5));
    }

    /// <summary>Embeds <paramref name="image"/> (8-bit RGB or grey).</summary>
    public void SetImage(Image<byte> image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Channels is not (1 or 2 or 3 or 4))
            throw new ArgumentException($"Segment Anything takes grey or RGB images (alpha is dropped); this one has {image.Channels} channels");
        var rgb = image.Channels == 3 ? image : DisplayImage.ToRgb8(image);
        var (h, w) = ResizedSize(rgb.Height, rgb.Width, model.Config.ImageSize);
        var resized = ResizePil.Bilinear(rgb, w, h);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var pixels = tensor(resized.Data, [h, w, 3]).permute(2, 0, 1);
        var input = model.Preprocess(pixels).unsqueeze(0);
        var next = model.ImageEncoder.call(input).MoveToOuterDisposeScope();
        embedding?.Dispose();
        embedding = next;
        OriginalSize = (image.Height, image.Width);
        InputSize = (h, w);
    }

    /// <summary>
    /// Masks for B prompts in the original image's pixel coordinates: <paramref name="boxes"/> B x 4 (x0, y0, x1, y1),
    /// <paramref name="points"/> B x P x 2 (x, y) with <paramref name="labels"/> B x P (1 object, 0 background);
    /// either may be null. Three masks per prompt with <paramref name="multimask"/>, else one.
    /// </summary>
    public SamPrediction Predict(float[,]? boxes, float[,,]? points, int[,]? labels, bool multimask)
    {
        if (boxes is null && points is null) throw new ArgumentException("give boxes, points or both");
        if ((points is null) != (labels is null)) throw new ArgumentException("points and labels come together");
        if (boxes is not null && points is not null && boxes.GetLength(0) != points.GetLength(0))
            throw new ArgumentException($"{boxes.GetLength(0)} boxes but {points.GetLength(0)} point sets: one of each per prompt");
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        double sx = (double)InputSize.W / OriginalSize.W, sy = (double)InputSize.H / OriginalSize.H;
        Tensor? boxTensor = null, pointTensor = null, labelTensor = null;
        if (boxes is not null)
        {
            int b = boxes.GetLength(0);
            var scaled = new float[b * 4];
            for (int i = 0; i < b; i++)
                for (int j = 0; j < 4; j++) scaled[i * 4 + j] = (float)(boxes[i, j] * (j % 2 == 0 ? sx : sy));
            boxTensor = tensor(scaled, [b, 4]);
        }
        if (points is not null)
        {
            int b = points.GetLength(0), p = points.GetLength(1);
            if (labels!.GetLength(0) != b || labels.GetLength(1) != p) throw new ArgumentException("labels must be B x P like the points");
            var scaled = new float[b * p * 2];
            var flatLabels = new float[b * p];
            for (int i = 0; i < b; i++)
                for (int k = 0; k < p; k++)
                {
                    scaled[(i * p + k) * 2] = (float)(points[i, k, 0] * sx);
                    scaled[(i * p + k) * 2 + 1] = (float)(points[i, k, 1] * sy);
                    flatLabels[i * p + k] = labels[i, k];
                }
            pointTensor = tensor(scaled, [b, p, 2]);
            labelTensor = tensor(flatLabels, [b, p]);
        }
        var (lowRes, iou) = model.Decode(Embedding, pointTensor, labelTensor, boxTensor, null, multimask);
        var logits = model.PostprocessMasks(lowRes, InputSize, OriginalSize);
        using var zero = 0.0.ToScalar();
        var masks = logits.gt(zero);
        return new SamPrediction(masks.MoveToOuterDisposeScope(), logits.MoveToOuterDisposeScope(), iou.MoveToOuterDisposeScope(), lowRes.MoveToOuterDisposeScope());
    }

    /// <inheritdoc />
    public void Dispose() => embedding?.Dispose();
}
