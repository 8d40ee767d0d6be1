using Research.Benchmarks.Harness;
using Research.Datasets.Manifests;
using Research.Torch.Losses;
using Research.Torch.Models;
using Research.Torch.Runtime;
using Research.Torch.Training;
using TorchSharp;

namespace Research.Benchmarks.Cases;

/// <summary>
/// Is data loading hidden behind the model? Ours: <see cref="Trainer.TrainEpoch"/> (the training part of an epoch, no
/// validation) of <c>unet</c> base 16, batch 8, 256 px crops, 2 threads, <c>--augment random</c>, on the first 64 images
/// of DSB2018 stage1_train (51 training images: 7 batches). <c>--cache-off</c> is not an option here: set
/// <see cref="CacheMegabytes"/> to 0 to make every epoch decode every image and all its mask PNGs again on the loader
/// thread (the worst case); by default the cache holds them after the warm-up epoch, as in a real run, and every epoch
/// still crops, augments and builds targets in the background. In-process reference: the bare
/// <see cref="Trainer.TrainStep"/> calls on the same batches, built beforehand. Target: epoch / bare steps &lt;= 1.05.
/// </summary>
public sealed class TrainEpochOverlapCase : IBenchmarkCase
{
    private const int Images = 64;

    /// <summary>The sample cache of the run (the default of <see cref="TrainingOptions.CacheMegabytes"/>).</summary>
    public const int CacheMegabytes = 1024;

    /// <inheritdoc />
    public string Name => "train-epoch-overlap";

    /// <inheritdoc />
    public string What => "training epoch (DSB2018 64 images, loading + random augmentation in the background)";

    /// <inheritdoc />
    public RunCounts FullCounts => new(1, 3);

    /// <inheritdoc />
    public RunCounts QuickCounts => new(1, 1);

    /// <inheritdoc />
    public CasePlan Prepare(CaseContext context)
    {
        string root = RepositoryPaths.SharedDsb2018("stage1_train");
        TorchRuntime.EnsureLoaded();
        torch.set_num_threads(2);
        var options = new TrainingOptions
        {
            Dataset = "dsb2018", DatasetRoot = root, Model = ModelKind.Unet, BaseFilters = 16, Loss = LossKind.Bce, BatchSize = 8, CropSize = 256,
            Augment = AugmentKind.Random, CacheMegabytes = CacheMegabytes, Device = DevicePreference.Cpu, Threads = 2, Seed = 1,
        };
        var manifest = ManifestRegistry.Load(RepositoryPaths.Manifests()).Get("dsb2018");
        var source = new FirstSamples(new DatasetTrainingSource(manifest, root, options.Colour, options.Normalization, CacheMegabytes * 1024L * 1024L), Images);
        var trainer = new Trainer(options, source, torch.CPU);
        var order = trainer.EpochOrder(1);
        var batches = Enumerable.Range(0, trainer.BatchesPerEpoch).Select(b => trainer.BuildBatch(order, b, 1)).ToList();
        int epoch = 1;
        return new CasePlan(
            Ours: () => trainer.TrainEpoch(++epoch, 1e-3),
            Reference: null,
            Comparisons: [new Comparison("bare model steps on the same batches", "bare_steps", Target.RatioAtMost(1.05))],
            Fixture: new Dictionary<string, string>
            {
                ["root"] = root, ["images"] = $"{Images} ({trainer.Split.Train.Count} training)", ["batches"] = $"{batches.Count} of 8x1x256x256", ["threads"] = "2",
            },
            InProcessReferences: new Dictionary<string, Action> { ["bare_steps"] = () => batches.ForEach(b => trainer.TrainStep(b)) });
    }

    /// <summary>The first <c>count</c> samples of a source.</summary>
    private sealed class FirstSamples(ITrainingSource inner, int count) : ITrainingSource
    {
        public string DatasetId => inner.DatasetId;
        public string Checksum => inner.Checksum;
        public int Count => Math.Min(count, inner.Count);
        public int Channels => inner.Channels;
        public string SourceOf(int index) => inner.SourceOf(index);
        public TrainingSample Get(int index) => inner.Get(index);
    }
}
