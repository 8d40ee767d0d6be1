using Research.Randomness;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Research.Torch.Training.Tasks;

/// <summary>A training batch prepared on the loader thread as plain arrays (no tensors); the task that built it turns it into tensors.</summary>
public interface ITrainingBatch
{
    /// <summary>Crops in the batch.</summary>
    int Count { get; }
}

/// <summary>Validation of one epoch: the mean loss over the held-out images and foreground Dice and IoU (micro) against their truth.</summary>
/// <param name="Loss">Mean validation loss.</param>
/// <param name="Dice">Foreground Dice.</param>
/// <param name="Iou">Foreground IoU.</param>
public sealed record ValidationScores(double Loss, double Dice, double Iou);

/// <summary>
/// What a model learns from instance labels, and how: the model, how a batch of (cropped) samples becomes its input and
/// targets, the optimisation step and validation. The <see cref="Trainer"/> owns everything a task shares (the split,
/// epoch order, seeded crops, fold and random augmentation, the background loader, optimiser, schedule, checkpoints);
/// a task owns what differs between a per-pixel map (<see cref="PixelMapTask"/>: U-Net family, losses on logit maps)
/// and a region-based instance model (<see cref="InstanceDetectionTask"/>: Mask R-CNN, boxes and masks per object).
/// </summary>
public interface ITrainingTask : IDisposable
{
    /// <summary>The model (saved in checkpoints; its trainable parameters are optimised).</summary>
    nn.Module Model { get; }

    /// <summary>The name checkpoints record and check (e.g. <c>unet</c>, <c>mask-rcnn:resnet50</c>).</summary>
    string ModelName { get; }

    /// <summary>What checkpoints record as output channels (logit maps, or classes with the background).</summary>
    int OutputChannels { get; }

    /// <summary>A note on what the batches built since the last call left out (null when nothing); the trainer logs it after each epoch.</summary>
    string? TakeEpochNote();

    /// <summary>Builds a batch of crops; runs on the loader thread (the crops in parallel), deterministic for given generators.</summary>
    ITrainingBatch Build(IReadOnlyList<(TrainingSample Sample, SeededRandom Random)> items);

    /// <summary>One optimisation step on <paramref name="batch"/>; returns the loss.</summary>
    float Step(ITrainingBatch batch, OptimizerHelper optimizer);

    /// <summary>Scores the held-out images (whole, not cropped).</summary>
    ValidationScores Validate(IEnumerable<TrainingSample> samples);
}
