using Research.Augmentation;
using Research.Augmentation.Random;
using Research.Metrics;
using System.Diagnostics;
using Research.Randomness;
using Research.Torch.Losses;
using Research.Torch.Models;
using Research.Torch.Runtime;
using Research.Torch.Workflows;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Research.Torch.Training;

/// <summary>
/// Model, optimiser and loss of one run, and the epoch loop: batches come from a <see cref="BatchPrefetcher"/>,
/// every step runs inside a dispose scope, validation scores the held-out images after each epoch.
/// Weights are initialised after <c>torch.manual_seed(seed)</c>; each epoch re-seeds torch from (seed, epoch) for dropout.
/// </summary>
public sealed class Trainer : IDisposable
{
    private readonly TrainingOptions _options;
    private readonly ITrainingSource _source;
    private readonly DataSplit _split;
    private readonly ISegmentationLoss _loss;
    private readonly RandomPipeline? _pipeline;
    private readonly IReadOnlyList<AugmentedItem<int>> _items;

    /// <summary>Builds the model and optimiser on <paramref name="device"/>.</summary>
    public Trainer(TrainingOptions options, ITrainingSource source, Device device)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _source = source ?? throw new ArgumentNullException(nameof(source));
        Device = device;
        _split = DataSplit.BySource(source, options.ValidationFraction, options.Seed);
        _loss = LossRegistry.Create(options.Loss, options.BoundaryWeight);
        _pipeline = options.Augment == AugmentKind.Random ? TrainingAugmentation.DefaultPipeline() : null;
        _items = new AugmentedView<int>(_split.Train, options.Augment == AugmentKind.Fold113 ? FoldSchemes.Folds(AugmentationScheme.Fold113) : [NoFold]);
        torch.manual_seed(SeedOf(options.Seed, 0));
        Model = ModelRegistry.Create(options.Model, source.Channels, _loss.OutputChannels, options.BaseFilters);
        Model.to(device);
        Optimizer = OptimizerFactory.Create(options.Optimizer, Model, options.LearningRate, options.Momentum);
    }

    /// <summary>The device.</summary>
    public Device Device { get; }

    /// <summary>The model.</summary>
    public nn.Module<Tensor, Tensor> Model { get; }

    /// <summary>The optimiser.</summary>
    public OptimizerHelper Optimizer { get; }

    /// <summary>The train/validation split.</summary>
    public DataSplit Split => _split;

    /// <summary>Training items per epoch: the training images, times 113 with <see cref="AugmentKind.Fold113"/>.</summary>
    public int ItemsPerEpoch => _items.Count;

    /// <summary>The shuffled item positions of epoch <paramref name="epoch"/> (the argument of <see cref="BuildBatch"/>).</summary>
    public int[] EpochOrder(int epoch) => BatchBuilder.EpochOrder(Enumerable.Range(0, _items.Count).ToArray(), _options.Seed, epoch);

    /// <summary>Batches per epoch.</summary>
    public int BatchesPerEpoch => (_items.Count + _options.BatchSize - 1) / _options.BatchSize;

    private static readonly Research.Augmentation.Fold NoFold = new(0, 0, false, ShiftAxis.None, 0);

    /// <summary>The checkpoint state fields that identify this model and optimiser.</summary>
    public CheckpointState Identity(int epoch, ScheduleState schedule) => new(epoch, ModelRegistry.NameOf(_options.Model), _options.BaseFilters,
        _source.Channels, _loss.OutputChannels, ModelRegistry.ParameterCount(Model), _options.Optimizer, schedule);

    /// <summary>Trains epoch <paramref name="epoch"/> (1-based) at <paramref name="learningRate"/>, then validates.</summary>
    public EpochMetrics RunEpoch(int epoch, double learningRate, IProgress<WorkflowProgress>? progress, Stopwatch? runClock = null, int remainingEpochs = 0)
    {
        var clock = Stopwatch.StartNew();
        double trainLoss = TrainEpoch(epoch, learningRate, progress, remainingEpochs);
        var (valLoss, dice, iou) = Validate();
        return new EpochMetrics(epoch, trainLoss, valLoss, dice, iou, learningRate, clock.Elapsed.TotalSeconds);
    }

    /// <summary>The training part of epoch <paramref name="epoch"/>: every batch, loaded in the background; returns the mean batch loss.</summary>
    public double TrainEpoch(int epoch, double learningRate, IProgress<WorkflowProgress>? progress = null, int remainingEpochs = 0)
    {
        var clock = Stopwatch.StartNew();
        torch.manual_seed(SeedOf(_options.Seed, epoch));
        OptimizerFactory.SetLearningRate(Optimizer, learningRate);
        Model.train();
        var order = EpochOrder(epoch);
        int batches = BatchesPerEpoch;
        double lossSum = 0;
        using var loader = new BatchPrefetcher(batches, _options.PrefetchBatches, b => BuildBatch(order, b, epoch));
        int done = 0;
        foreach (var batch in loader.Batches())
        {
            float loss = TrainStep(batch);
            if (!float.IsFinite(loss))
            {
                throw new TrainingFailedException($"Epoch {epoch}, batch {done + 1}: the training loss is {loss}. Training stopped; " +
                    "the last good checkpoint is kept. Lower the learning rate (--lr) or check the data.");
            }
            lossSum += loss;
            done++;
            string eta = Eta(clock, done, batches, remainingEpochs);
            progress?.Report(new WorkflowProgress($"Epoch {epoch}/{_options.Epochs}", done, batches, $"loss {loss:F4} ETA {eta}"));
        }
        return lossSum / batches;
    }

    /// <summary>One optimisation step on a prepared batch; returns the batch loss.</summary>
    public float TrainStep(HostBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        using var scope = NewDisposeScope();
        var targets = ToTargets(batch);
        var x = tensor(batch.Images, [batch.Count, batch.Channels, batch.Height, batch.Width]).to(Device);
        Optimizer.zero_grad();
        var loss = _loss.Compute(Model.call(x), targets);
        loss.backward();
        Optimizer.step();
        return loss.item<float>();
    }

    /// <summary>
    /// Prepares training batch <paramref name="index"/> of an epoch (runs on the loader thread; the samples load in
    /// parallel). <paramref name="order"/> holds item positions; the crop generator of an item comes from
    /// (seed, epoch, sample index x folds + fold index).
    /// </summary>
    public HostBatch BuildBatch(int[] order, int index, int epoch)
    {
        ArgumentNullException.ThrowIfNull(order);
        var positions = order.Skip(index * _options.BatchSize).Take(_options.BatchSize).ToArray();
        var items = new (TrainingSample, SeededRandom)[positions.Length];
        int folds = _items.Count / Math.Max(1, _split.Train.Count);
        Parallel.For(0, positions.Length, k =>
        {
            var item = _items[positions[k]];
            var sample = _source.Get(item.Item);
            if (item.Fold.Index != 0) sample = TrainingAugmentation.ApplyFold(sample, item.Fold);
            items[k] = (sample, BatchBuilder.CropRandom(_options.Seed, epoch, item.Item * folds + item.Fold.Index));
        });
        return BatchBuilder.Build(items, _options.CropSize, _options.Loss, _options.WeightMap, _pipeline);
    }

    /// <summary>Validation loss (mean over images), Dice and IoU (micro) of the held-out images, each padded to the model's stride.</summary>
    public (double Loss, double Dice, double Iou) Validate()
    {
        Model.eval();
        using var noGrad = no_grad();
        var counts = new PixelCounts(0, 0, 0);
        double lossSum = 0;
        int stride = ModelRegistry.Stride(_options.Model);
        foreach (int index in _split.Validation)
        {
            var sample = _source.Get(index);
            int size = Math.Max((sample.Width + stride - 1) / stride, (sample.Height + stride - 1) / stride) * stride;
            var batch = BatchBuilder.Build([(sample, new SeededRandom(0))], size, _options.Loss, _options.WeightMap, null);
            using var scope = NewDisposeScope();
            var logits = Model.call(tensor(batch.Images, [1, batch.Channels, size, size]).to(Device));
            lossSum += _loss.Compute(logits, ToTargets(batch)).item<float>();
            var foreground = _loss.OutputChannels == 1 ? GcSafe.With(0, zero => logits[0, 0].gt(zero)) : GcSafe.With(0, zero => logits[0].argmax(0).ne(zero));
            var predicted = foreground.cpu().data<bool>().ToArray();
            counts += Count(predicted, batch.Mask, size, sample.Width, sample.Height);
        }
        return (lossSum / _split.Validation.Count, counts.Dice, counts.Iou);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Optimizer.Dispose();
        Model.Dispose();
    }

    /// <summary>The torch seed for epoch <paramref name="epoch"/> (0 = weight initialisation).</summary>
    public static long SeedOf(ulong seed, int epoch) => (long)(SeededRandom.Derive(seed, 0x70_0000UL + (ulong)(uint)epoch).NextUInt64() >> 1);

    private LossTargets ToTargets(HostBatch batch)
    {
        long[] shape = [batch.Count, 1, batch.Height, batch.Width];
        var mask = tensor(batch.Mask, shape).to(Device);
        var classes = batch.Classes is null ? null : tensor(batch.Classes, [batch.Count, batch.Height, batch.Width]).to(Device);
        var weights = batch.Weights is null ? null : tensor(batch.Weights, shape).to(Device);
        return new LossTargets(mask, classes, weights);
    }

    /// <summary>Pixel counts of the image's region of a padded prediction against the padded mask.</summary>
    private static PixelCounts Count(bool[] predicted, float[] mask, int size, int width, int height)
    {
        long tp = 0, fp = 0, fn = 0;
        for (int y = 0; y < height; y++)
        {
            for (int x = 0, i = y * size; x < width; x++, i++)
            {
                bool p = predicted[i], t = mask[i] > 0.5f;
                if (p && t) tp++;
                else if (p) fp++;
                else if (t) fn++;
            }
        }
        return new PixelCounts(tp, fp, fn);
    }

    private static string Eta(Stopwatch epochClock, int done, int batches, int remainingEpochs)
    {
        double perBatch = epochClock.Elapsed.TotalSeconds / done;
        var left = TimeSpan.FromSeconds(perBatch * ((batches - done) + (long)remainingEpochs * batches));
        return left.ToString(left.TotalHours >= 1 ? @"h\:mm\:ss" : @"m\:ss", System.Globalization.CultureInfo.InvariantCulture);
    }
}
