using Research.Metrics;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Research.Torch.Sam.FineTuning;

/// <summary>What prompting every object of one frame with its true box gave.</summary>
/// <param name="Id">The frame's sample id.</param>
/// <param name="Prediction">The masks as instance labels (overlaps to the higher predicted IoU).</param>
/// <param name="Counts">CTC SEG and DET counts against the truth.</param>
/// <param name="Loss">The fine-tuning loss of the masks (mean over objects).</param>
public sealed record SamFrameResult(string Id, LabelImage Prediction, CtcCounts Counts, double Loss);

/// <summary>
/// Box-prompted segmentation of annotated frames: every true object's exact box (no jitter) is a prompt, the masks at
/// the frame's size become one instance label image (<see cref="SamLabels.Combine"/>), scored with CTC SEG and DET.
/// The validation of <c>research sam finetune</c> and <c>research sam evaluate</c> are this.
/// </summary>
public static class SamEvaluation
{
    /// <summary>Prompts decoded together.</summary>
    public const int Chunk = 16;

    /// <summary>Segments <paramref name="frame"/> from its embedding; <paramref name="loss"/> and <paramref name="iouWeight"/> give <see cref="SamFrameResult.Loss"/>.</summary>
    /// <exception cref="InputException">The embedding is of an image of another size than the truth.</exception>
    public static SamFrameResult Frame(SamModel model, SamFrame frame, SamEmbedding embedding, string loss = "dice-bce", double iouWeight = 1.0)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(embedding);
        var (h, w) = embedding.OriginalSize;
        if (h != frame.Truth.Height || w != frame.Truth.Width)
            throw new InputException($"{frame.ImagePath}: the image is {w} x {h} but its truth ({frame.Truth.Name}) is {frame.Truth.Width} x {frame.Truth.Height}");
        using var noGrad = no_grad();
        var masks = new List<bool[]>();
        var ious = new List<double>();
        double lossSum = 0;
        for (int start = 0; start < frame.Objects.Count; start += Chunk)
        {
            using var scope = NewDisposeScope();
            var chunk = frame.Objects.Skip(start).Take(Chunk).ToList();
            var boxes = ScaleBoxes([.. chunk.Select(o => o.Box)], embedding);
            var (lowRes, iou) = model.Decode(embedding.Embedding, null, null, boxes, null, multimask: false);
            var target = Targets(frame.Truth, [.. chunk.Select(o => o.Label)], embedding.InputSize, model.Config.ImageSize, (int)lowRes.shape[^1]);
            lossSum += SamLosses.Total(lowRes, iou, target, loss, iouWeight).item<float>() * chunk.Count;
            var logits = model.PostprocessMasks(lowRes, embedding.InputSize, embedding.OriginalSize);
            using var zero = 0.0.ToScalar();
            var binary = logits.gt(zero).contiguous();
            for (int k = 0; k < chunk.Count; k++) masks.Add(binary[k, 0].data<bool>().ToArray());
            ious.AddRange(iou[.., 0].to(ScalarType.Float64).data<double>().ToArray());
        }
        var labels = SamLabels.Combine(masks, ious, w, h);
        var prediction = new LabelImage(w, h, Array.ConvertAll(labels.Data, v => (int)v), frame.Id);
        var counts = CtcCounts.Of(ContingencyBuilder.Build(frame.Id, frame.Truth, prediction));
        return new SamFrameResult(frame.Id, prediction, counts, lossSum / frame.Objects.Count);
    }

    /// <summary>Boxes in the image's pixels (K x 4) scaled to the model's input frame, as a K x 4 tensor.</summary>
    public static Tensor ScaleBoxes(IReadOnlyList<float[]> boxes, SamEmbedding embedding)
    {
        ArgumentNullException.ThrowIfNull(boxes);
        ArgumentNullException.ThrowIfNull(embedding);
        double sx = (double)embedding.InputSize.W / embedding.OriginalSize.W, sy = (double)embedding.InputSize.H / embedding.OriginalSize.H;
        var scaled = new float[boxes.Count * 4];
        for (int i = 0; i < boxes.Count; i++)
            for (int j = 0; j < 4; j++) scaled[i * 4 + j] = (float)(boxes[i][j] * (j % 2 == 0 ? sx : sy));
        return tensor(scaled, [boxes.Count, 4]);
    }

    /// <summary>
    /// The targets of objects <paramref name="labels"/> of <paramref name="truth"/> in the decoder's low-resolution frame
    /// (K x 1 x <paramref name="lowRes"/>²): each object's mask resized bilinearly to the model's input size (as the image
    /// was), padded at the bottom and right to <paramref name="imageSize"/>, then averaged over blocks, so a pixel holds
    /// the fraction of it the object covers.
    /// </summary>
    public static Tensor Targets(LabelImage truth, IReadOnlyList<int> labels, (int H, int W) inputSize, int imageSize, int lowRes)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(labels);
        using var scope = NewDisposeScope();
        var all = tensor(truth.Data, [1, 1, truth.Height, truth.Width]);
        var wanted = tensor(labels.ToArray(), [labels.Count, 1, 1, 1]);
        var masks = all.eq(wanted).to(ScalarType.Float32);
        if (inputSize.H != truth.Height || inputSize.W != truth.Width)
            masks = functional.interpolate(masks, [inputSize.H, inputSize.W], mode: InterpolationMode.Bilinear, align_corners: false);
        masks = functional.pad(masks, [0, imageSize - inputSize.W, 0, imageSize - inputSize.H]);
        return functional.adaptive_avg_pool2d(masks, [lowRes, lowRes]).MoveToOuterDisposeScope();
    }
}
