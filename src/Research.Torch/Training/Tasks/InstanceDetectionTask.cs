using Research.Augmentation.Random;
using Research.Metrics;
using Research.Randomness;
using Research.Torch.Detection.MaskRcnn;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Research.Torch.Training.Tasks;

/// <summary>
/// Region-based instance segmentation (<c>mask-rcnn</c>): a batch is the crops and their instance labels after
/// augmentation and the cut-object rule (<see cref="CutObjects"/>); the step turns each crop's labels into boxes and
/// masks (<see cref="InstanceTargets.FromLabels"/>) and minimises the sum of torchvision's five losses. Images meet the
/// network magnified by <see cref="TrainingOptions.DetectionScale"/> (<see cref="DetectionTransform.ForScale"/>), grey
/// images as three equal channels. From scratch the trunk has trainable batch norm; from <c>--init</c> weights it has
/// frozen batch norm and a frozen stem and layer1, as torchvision fine-tunes. Validation: the five losses with the
/// batch-norm statistics left alone (torch seeded for the samplers), and the foreground of the detections scoring at
/// least 0.5 (mask probability above 0.5) against the truth.
/// </summary>
public sealed class InstanceDetectionTask : ITrainingTask
{
    private readonly TrainingOptions _options;
    private readonly RandomPipeline? _pipeline;
    private readonly Device _device;
    private readonly MaskRcnnModel _model;
    private readonly Queue<string> _notes = new();
    private int _kept, _dropped;

    /// <summary>Builds the model (after the caller seeded torch), loading <see cref="TrainingOptions.Init"/> when <paramref name="loadInit"/>.</summary>
    public InstanceDetectionTask(TrainingOptions options, RandomPipeline? pipeline, Device device, bool loadInit = true)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _pipeline = pipeline;
        _device = device;
        _model = MaskRcnnRuns.CreateModel(options);
        try
        {
            if (options.Init is not null && loadInit)
            {
                string? note = MaskRcnnRuns.LoadInit(_model, options.Init);
                _notes.Enqueue($"Initialised from {options.Init}." + (note is null ? "" : $" Note: {note}."));
            }
        }
        catch
        {
            _model.Dispose();
            throw;
        }
        _model.to(device);
    }

    /// <inheritdoc />
    public nn.Module Model => _model;

    /// <summary>The model.</summary>
    public MaskRcnnModel Detector => _model;

    /// <inheritdoc />
    public string ModelName => MaskRcnnRuns.CheckpointName(_options.Backbone);

    /// <inheritdoc />
    public int OutputChannels => _options.Classes;

    /// <inheritdoc />
    public string? TakeEpochNote()
    {
        var parts = new List<string>();
        while (_notes.TryDequeue(out var n)) parts.Add(n);
        int kept = Interlocked.Exchange(ref _kept, 0), dropped = Interlocked.Exchange(ref _dropped, 0);
        if (dropped > 0)
        {
            parts.Add(FormattableString.Invariant(
                $"{dropped} object(s) were dropped from training crops (a cut object with under {_options.CutObjectFraction:P0} of it left in the crop, or any object under {CutObjects.MinPixels} px there); {kept} kept"));
        }
        return parts.Count == 0 ? null : string.Join(" ", parts);
    }

    /// <inheritdoc />
    public ITrainingBatch Build(IReadOnlyList<(TrainingSample Sample, SeededRandom Random)> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        int n = items.Count, channels = items[0].Sample.Channels, size = _options.CropSize, plane = size * size;
        var images = new float[n * channels * plane];
        var labels = new int[n][];
        var kept = new int[n];
        var dropped = new int[n];
        Parallel.For(0, n, b =>
        {
            var (sample, random) = items[b];
            var (image, crop) = BatchBuilder.Crop(sample, size, random);
            if (_pipeline is not null) (image, crop) = TrainingAugmentation.Apply(_pipeline, image, crop, channels, size, random);
            (kept[b], dropped[b]) = CutObjects.Apply(crop, CutObjects.Areas(sample.Labels), _options.CutObjectFraction);
            image.CopyTo(images, b * channels * plane);
            labels[b] = crop;
        });
        Interlocked.Add(ref _kept, kept.Sum());
        Interlocked.Add(ref _dropped, dropped.Sum());
        return new InstanceBatch(n, channels, size, images, labels, kept.Sum(), dropped.Sum());
    }

    /// <inheritdoc />
    public float Step(ITrainingBatch batch, OptimizerHelper optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        var b = (InstanceBatch)batch;
        using var scope = NewDisposeScope();
        long plane = (long)b.Size * b.Size;
        var images = new List<Tensor>();
        var targets = new List<MaskRcnnTarget>();
        using var all = tensor(b.Images, [b.Count, b.Channels, b.Size, b.Size]);
        for (int i = 0; i < b.Count; i++)
        {
            images.Add(Rgb(all[i]).to(_device));
            var t = InstanceTargets.FromLabels(b.Labels[i], b.Size, b.Size, 1, out _);
            targets.Add(new MaskRcnnTarget(t.Boxes.to(_device), t.Labels.to(_device), t.Masks.to(_device)));
        }
        optimizer.zero_grad();
        using var losses = _model.Losses(images, targets, DetectionTransform.ForScale(_options.DetectionScale, b.Size, b.Size));
        var total = losses.Total();
        total.backward();
        optimizer.step();
        return total.item<float>();
    }

    /// <inheritdoc />
    public ValidationScores Validate(IEnumerable<TrainingSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        torch.manual_seed(Trainer.SeedOf(_options.Seed, -1));
        var counts = new PixelCounts(0, 0, 0);
        double lossSum = 0;
        int n = 0;
        foreach (var sample in samples)
        {
            using var scope = NewDisposeScope();
            var image = Rgb(tensor(sample.Image, [sample.Channels, sample.Height, sample.Width])).to(_device);
            var transform = DetectionTransform.ForScale(_options.DetectionScale, sample.Height, sample.Width);
            var t = InstanceTargets.FromLabels(sample.Labels, sample.Width, sample.Height, 1, out _);
            using (no_grad())
            {
                using var losses = _model.Losses([image], [new MaskRcnnTarget(t.Boxes.to(_device), t.Labels.to(_device), t.Masks.to(_device))], transform, updateNormStatistics: false);
                lossSum += losses.Total().item<float>();
            }
            var predictions = _model.Predict([image], transform);
            var labels = InstanceTargets.ToLabels(predictions[0], 0.5, 0.5);
            foreach (var p in predictions) p.Dispose();
            var predicted = Array.ConvertAll(labels, l => l != 0);
            var truth = Array.ConvertAll(sample.Labels, l => l != 0 ? 1f : 0f);
            counts += ForegroundCounts.Count(predicted, sample.Width, truth, sample.Width, sample.Width, sample.Height);
            n++;
        }
        return new ValidationScores(lossSum / n, counts.Dice, counts.Iou);
    }

    /// <inheritdoc />
    public void Dispose() => _model.Dispose();

    /// <summary>A [C, H, W] image as the three channels the detector takes (grey repeated).</summary>
    internal static Tensor Rgb(Tensor chw) => chw.shape[0] == 3 ? chw : chw.narrow(0, 0, 1).expand(3, chw.shape[1], chw.shape[2]).contiguous();
}
