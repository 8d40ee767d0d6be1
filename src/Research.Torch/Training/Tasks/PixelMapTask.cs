using Research.Augmentation.Random;
using Research.Metrics;
using Research.Randomness;
using Research.Torch.Losses;
using Research.Torch.Models;
using Research.Torch.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Research.Torch.Training.Tasks;

/// <summary>
/// Per-pixel maps (unet, bh2019-unet, c-resunet): a batch is the crops and the targets the loss needs
/// (<see cref="BatchBuilder"/>: foreground mask, 3-class map or weight map); validation pads each image to the model's
/// stride and counts foreground pixels of the logits (sigmoid above 0.5, or argmax not background).
/// </summary>
public sealed class PixelMapTask : ITrainingTask
{
    private readonly TrainingOptions _options;
    private readonly ISegmentationLoss _loss;
    private readonly RandomPipeline? _pipeline;
    private readonly Device _device;
    private readonly nn.Module<Tensor, Tensor> _model;

    /// <summary>Builds the model (after the caller seeded torch) on <paramref name="device"/>.</summary>
    public PixelMapTask(TrainingOptions options, int inChannels, RandomPipeline? pipeline, Device device)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _loss = LossRegistry.Create(options.Loss, options.BoundaryWeight);
        _pipeline = pipeline;
        _device = device;
        _model = ModelRegistry.Create(options.Model, inChannels, _loss.OutputChannels, options.BaseFilters);
        _model.to(device);
    }

    /// <inheritdoc />
    public nn.Module Model => _model;

    /// <inheritdoc />
    public string ModelName => ModelRegistry.NameOf(_options.Model);

    /// <inheritdoc />
    public int OutputChannels => _loss.OutputChannels;

    /// <inheritdoc />
    public string? TakeEpochNote() => null;

    /// <inheritdoc />
    public ITrainingBatch Build(IReadOnlyList<(TrainingSample Sample, SeededRandom Random)> items) =>
        BatchBuilder.Build(items, _options.CropSize, _options.Loss, _options.WeightMap, _pipeline);

    /// <inheritdoc />
    public float Step(ITrainingBatch batch, OptimizerHelper optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        var host = (HostBatch)batch;
        using var scope = NewDisposeScope();
        _model.train();
        var targets = ToTargets(host);
        var x = tensor(host.Images, [host.Count, host.Channels, host.Height, host.Width]).to(_device);
        optimizer.zero_grad();
        var loss = _loss.Compute(_model.call(x), targets);
        loss.backward();
        optimizer.step();
        return loss.item<float>();
    }

    /// <inheritdoc />
    public ValidationScores Validate(IEnumerable<TrainingSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        _model.eval();
        using var noGrad = no_grad();
        var counts = new PixelCounts(0, 0, 0);
        double lossSum = 0;
        int n = 0;
        int stride = ModelRegistry.Stride(_options.Model);
        foreach (var sample in samples)
        {
            int size = Math.Max((sample.Width + stride - 1) / stride, (sample.Height + stride - 1) / stride) * stride;
            var batch = BatchBuilder.Build([(sample, new SeededRandom(0))], size, _options.Loss, _options.WeightMap, null);
            using var scope = NewDisposeScope();
            var logits = _model.call(tensor(batch.Images, [1, batch.Channels, size, size]).to(_device));
            lossSum += _loss.Compute(logits, ToTargets(batch)).item<float>();
            var foreground = _loss.OutputChannels == 1 ? GcSafe.With(0, zero => logits[0, 0].gt(zero)) : GcSafe.With(0, zero => logits[0].argmax(0).ne(zero));
            var predicted = foreground.cpu().data<bool>().ToArray();
            counts += ForegroundCounts.Count(predicted, size, batch.Mask, size, sample.Width, sample.Height);
            n++;
        }
        return new ValidationScores(lossSum / n, counts.Dice, counts.Iou);
    }

    /// <inheritdoc />
    public void Dispose() => _model.Dispose();

    private LossTargets ToTargets(HostBatch batch)
    {
        long[] shape = [batch.Count, 1, batch.Height, batch.Width];
        var mask = tensor(batch.Mask, shape).to(_device);
        var classes = batch.Classes is null ? null : tensor(batch.Classes, [batch.Count, batch.Height, batch.Width]).to(_device);
        var weights = batch.Weights is null ? null : tensor(batch.Weights, shape).to(_device);
        return new LossTargets(mask, classes, weights);
    }
}
