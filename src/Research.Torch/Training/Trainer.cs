using Research.Augmentation;
using Research.Augmentation.Random;
using System.Diagnostics;
using Research.Metrics;
using Research.Randomness;
using Research.Torch.Models;
using Research.Torch.Training.Tasks;
using Research.Torch.Workflows;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Research.Torch.Training;

/// <summary>
/// The epoch loop of one run around an <see cref="ITrainingTask"/> (what the model learns and how a batch becomes a
/// loss: <see cref="PixelMapTask"/> or <see cref="InstanceDetectionTask"/>): the train/validation split by source, the
/// items of an epoch (training images, times 113 with fold augmentation) in a seeded order, seeded crops, the
/// background loader (<see cref="BatchPrefetcher"/>), the optimiser and validation after each epoch. Weights are
/// initialised after <c>torch.manual_seed(seed)</c>; each epoch re-seeds torch from (seed, epoch) for dropout and samplers.
/// </summary>
public sealed class Trainer : IDisposable
{
    private readonly TrainingOptions _options;
    private readonly ITrainingSource _source;
    private readonly DataSplit _split;
    private readonly IReadOnlyList<AugmentedItem<int>> _items;

    /// <summary>Builds the task's model and the optimiser on <paramref name="device"/>; <paramref name="loadInit"/> false skips <c>--init</c> weights (a resumed run reads its checkpoint instead).</summary>
    public Trainer(TrainingOptions options, ITrainingSource source, Device device, bool loadInit = true)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _source = source ?? throw new ArgumentNullException(nameof(source));
        Device = device;
        _split = DataSplit.BySource(source, options.ValidationFraction, options.Seed);
        var pipeline = options.Augment == AugmentKind.Random ? TrainingAugmentation.DefaultPipeline() : null;
        _items = new AugmentedView<int>(_split.Train, options.Augment == AugmentKind.Fold113 ? FoldSchemes.Folds(AugmentationScheme.Fold113) : [NoFold]);
        torch.manual_seed(SeedOf(options.Seed, 0));
        Task = ModelRegistry.IsPixelMap(options.Model)
            ? new PixelMapTask(options, source.Channels, pipeline, device)
            : new InstanceDetectionTask(options, pipeline, device, loadInit);
        try
        {
            Optimizer = OptimizerFactory.Create(options.Optimizer, Task.Model, options.LearningRate, options.Momentum);
        }
        catch
        {
            Task.Dispose();
            throw;
        }
    }

    /// <summary>The device.</summary>
    public Device Device { get; }

    /// <summary>What the model learns and how (its model, batches, step and validation).</summary>
    public ITrainingTask Task { get; }

    /// <summary>The model.</summary>
    public nn.Module Model => Task.Model;

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
    public CheckpointState Identity(int epoch, ScheduleState schedule) => new(epoch, Task.ModelName, ModelRegistry.IsPixelMap(_options.Model) ? _options.BaseFilters : 0,
        _source.Channels, Task.OutputChannels, ModelRegistry.ParameterCount(Model), _options.Optimizer, schedule);

    /// <summary>Trains epoch <paramref name="epoch"/> (1-based) at <paramref name="learningRate"/>, then validates.</summary>
    public EpochMetrics RunEpoch(int epoch, double learningRate, IProgress<WorkflowProgress>? progress, Stopwatch? runClock = null, int remainingEpochs = 0)
    {
        var clock = Stopwatch.StartNew();
        double trainLoss = TrainEpoch(epoch, learningRate, progress, remainingEpochs);
        var v = Validate();
        return new EpochMetrics(epoch, trainLoss, v.Loss, v.Dice, v.Iou, learningRate, clock.Elapsed.TotalSeconds);
    }

    /// <summary>The training part of epoch <paramref name="epoch"/>: every batch, loaded in the background; returns the mean batch loss.</summary>
    public double TrainEpoch(int epoch, double learningRate, IProgress<WorkflowProgress>? progress = null, int remainingEpochs = 0)
    {
        var clock = Stopwatch.StartNew();
        torch.manual_seed(SeedOf(_options.Seed, epoch));
        OptimizerFactory.SetLearningRate(Optimizer, learningRate);
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
    public float TrainStep(ITrainingBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return Task.Step(batch, Optimizer);
    }

    /// <summary>
    /// Prepares training batch <paramref name="index"/> of an epoch (runs on the loader thread; the samples load in
    /// parallel). <paramref name="order"/> holds item positions; the crop generator of an item comes from
    /// (seed, epoch, sample index x folds + fold index).
    /// </summary>
    public ITrainingBatch BuildBatch(int[] order, int index, int epoch)
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
        return Task.Build(items);
    }

    /// <summary>Validation loss (mean over images), Dice and IoU (micro) of the held-out images.</summary>
    public ValidationScores Validate() => Task.Validate(_split.Validation.Select(_source.Get));

    /// <inheritdoc />
    public void Dispose()
    {
        Optimizer.Dispose();
        Task.Dispose();
    }

    /// <summary>The torch seed for epoch <paramref name="epoch"/> (0 = weight initialisation).</summary>
    public static long SeedOf(ulong seed, int epoch) => (long)(SeededRandom.Derive(seed, 0x70_0000UL + (ulong)(uint)epoch).NextUInt64() >> 1);

    private static string Eta(Stopwatch epochClock, int done, int batches, int remainingEpochs)
    {
        double perBatch = epochClock.Elapsed.TotalSeconds / done;
        var left = TimeSpan.FromSeconds(perBatch * ((batches - done) + (long)remainingEpochs * batches));
        return left.ToString(left.TotalHours >= 1 ? @"h\:mm\:ss" : @"m\:ss", System.Globalization.CultureInfo.InvariantCulture);
    }
}
