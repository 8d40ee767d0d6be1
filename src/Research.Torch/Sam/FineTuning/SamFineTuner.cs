using System.Diagnostics;
using Research.Metrics;
using Research.Randomness;
using Research.Torch.Training;
using Research.Torch.Workflows;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Research.Torch.Sam.FineTuning;

/// <summary>
/// The decoder training of <c>research sam finetune</c>: the image encoder and prompt encoder are frozen, the mask
/// decoder is trained with AdamW on cached image embeddings. Each step averages the loss of
/// <see cref="SamFineTuneOptions.ImagesPerStep"/> frames; from each frame up to
/// <see cref="SamFineTuneOptions.PromptsPerImage"/> objects are drawn, and each object's box, jittered
/// (<see cref="Jitter"/>), is its prompt. The loss of an object is its mask loss (<see cref="SamLosses.Mask"/>) plus
/// <see cref="SamFineTuneOptions.IouLossWeight"/> times the IoU head's squared error. Every random choice comes from
/// (seed, epoch, frame), so an epoch is the same whether the run was resumed or not.
/// </summary>
public sealed class SamFineTuner : IDisposable
{
    private readonly SamModel _model;
    private readonly SamFineTuneOptions _options;

    /// <summary>Freezes the encoders of <paramref name="model"/> and builds the optimiser of its decoder.</summary>
    public SamFineTuner(SamModel model, SamFineTuneOptions options)
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        foreach (var p in model.ImageEncoder.parameters()) p.requires_grad = false;
        foreach (var p in model.PromptEncoder.parameters()) p.requires_grad = false;
        Optimizer = new GcSafeAdamW(model.MaskDecoder.parameters(), options.LearningRate, weightDecay: options.WeightDecay);
    }

    /// <summary>The decoder's optimiser.</summary>
    public OptimizerHelper Optimizer { get; }

    /// <summary>Trainable parameters (the mask decoder's).</summary>
    public long TrainableParameters => _model.MaskDecoder.parameters().Sum(p => p.numel());

    /// <summary>The order in which epoch <paramref name="epoch"/> visits <paramref name="count"/> training frames.</summary>
    public static int[] EpochOrder(int count, ulong seed, int epoch)
    {
        var order = Enumerable.Range(0, count).ToArray();
        var random = SeededRandom.Derive(seed, 0x5A_6000UL + (ulong)(uint)epoch);
        for (int i = order.Length - 1; i > 0; i--)
        {
            int j = random.NextInt(0, i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }

    /// <summary>The generator of frame <paramref name="frame"/> (its position in the training list) in epoch <paramref name="epoch"/>.</summary>
    public static SeededRandom FrameRandom(ulong seed, int epoch, int frame) => SeededRandom.Derive(seed, 0x5A70_0000_0000UL + ((ulong)(uint)epoch << 20) + (ulong)(uint)frame);

    /// <summary>
    /// A box moved as in SAM's training: each coordinate by Gaussian noise of standard deviation <paramref name="fraction"/>
    /// times the box's width (x) or height (y), at most <paramref name="max"/> pixels, then clipped to the image; a box
    /// the noise turns inside out keeps its true coordinates.
    /// </summary>
    public static float[] Jitter(float[] box, SeededRandom random, double fraction, double max, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(box);
        ArgumentNullException.ThrowIfNull(random);
        double w = box[2] - box[0], h = box[3] - box[1];
        var moved = new float[4];
        for (int j = 0; j < 4; j++)
        {
            double side = j % 2 == 0 ? w : h, limit = j % 2 == 0 ? width : height;
            double noise = fraction > 0 ? Math.Clamp(random.Normal(0, fraction * side), -max, max) : 0;
            moved[j] = (float)Math.Clamp(box[j] + noise, 0, limit);
        }
        return moved[2] > moved[0] && moved[3] > moved[1] ? moved : (float[])box.Clone();
    }

    /// <summary>The objects (indices into <see cref="SamFrame.Objects"/>, ascending) drawn from a frame, and their jittered boxes.</summary>
    public (int[] Objects, float[][] Boxes) Prompts(SamFrame frame, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(random);
        var indices = Enumerable.Range(0, frame.Objects.Count).ToArray();
        int take = Math.Min(_options.PromptsPerImage, indices.Length);
        for (int i = 0; i < take; i++)
        {
            int j = random.NextInt(i, indices.Length);
            (indices[i], indices[j]) = (indices[j], indices[i]);
        }
        var chosen = indices.Take(take).Order().ToArray();
        var boxes = chosen.Select(k => Jitter(frame.Objects[k].Box, random, _options.BoxJitter, _options.BoxJitterMax, frame.Truth.Width, frame.Truth.Height)).ToArray();
        return (chosen, boxes);
    }

    /// <summary>The loss of one frame's drawn prompts (a graph to back-propagate).</summary>
    public Tensor FrameLoss(SamFrame frame, SamEmbedding embedding, int[] objects, float[][] boxes)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(embedding);
        using var scope = NewDisposeScope();
        var (lowRes, iou) = _model.Decode(embedding.Embedding, null, null, SamEvaluation.ScaleBoxes(boxes, embedding), null, multimask: false);
        var target = SamEvaluation.Targets(frame.Truth, [.. objects.Select(k => frame.Objects[k].Label)], embedding.InputSize, _model.Config.ImageSize, (int)lowRes.shape[^1]);
        return SamLosses.Total(lowRes, iou, target, _options.Loss, _options.IouLossWeight).MoveToOuterDisposeScope();
    }

    /// <summary>Trains epoch <paramref name="epoch"/> (1-based) over <paramref name="frames"/> with their embeddings; returns the mean frame loss.</summary>
    /// <exception cref="TrainingFailedException">The loss is not finite.</exception>
    public double TrainEpoch(int epoch, IReadOnlyList<SamFrame> frames, IReadOnlyList<SamEmbedding> embeddings, IProgress<WorkflowProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(embeddings);
        _model.MaskDecoder.train();
        var order = EpochOrder(frames.Count, _options.Seed, epoch);
        int steps = (order.Length + _options.ImagesPerStep - 1) / _options.ImagesPerStep;
        double sum = 0;
        var clock = Stopwatch.StartNew();
        for (int step = 0; step < steps; step++)
        {
            var group = order.Skip(step * _options.ImagesPerStep).Take(_options.ImagesPerStep).ToArray();
            Optimizer.zero_grad();
            using var share = (1.0 / group.Length).ToScalar();
            foreach (int f in group)
            {
                using var scope = NewDisposeScope();
                var (objects, boxes) = Prompts(frames[f], FrameRandom(_options.Seed, epoch, f));
                var loss = FrameLoss(frames[f], embeddings[f], objects, boxes);
                float value = loss.item<float>();
                if (!float.IsFinite(value))
                    throw new TrainingFailedException($"Epoch {epoch}, frame {frames[f].Id}: the loss is {value}. Training stopped; the last good checkpoint is kept. Lower --lr or check the data.");
                loss.mul(share).backward();
                sum += value;
            }
            Optimizer.step();
            progress?.Report(new WorkflowProgress($"Epoch {epoch}/{_options.Epochs}", step + 1, steps, $"loss {sum / Math.Min(order.Length, (step + 1) * _options.ImagesPerStep):F4} {clock.Elapsed.TotalSeconds:F0} s"));
        }
        _model.MaskDecoder.eval();
        return sum / order.Length;
    }

    /// <summary>The mean loss and pooled CTC counts of <paramref name="frames"/> prompted with their true boxes.</summary>
    public (double Loss, CtcCounts Counts) Validate(IReadOnlyList<SamFrame> frames, IReadOnlyList<SamEmbedding> embeddings)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(embeddings);
        _model.MaskDecoder.eval();
        var counts = default(CtcCounts);
        double loss = 0;
        for (int i = 0; i < frames.Count; i++)
        {
            var result = SamEvaluation.Frame(_model, frames[i], embeddings[i], _options.Loss, _options.IouLossWeight);
            counts += result.Counts;
            loss += result.Loss;
        }
        return (loss / frames.Count, counts);
    }

    /// <inheritdoc />
    public void Dispose() => Optimizer.Dispose();
}
