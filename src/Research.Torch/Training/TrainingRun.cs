using Research.Metrics;
using System.Diagnostics;
using System.Text.Json;
using Research.Datasets.Synthetic;
using Research.IO;
using Research.Provenance;
using Research.Torch.Runtime;
using Research.Torch.Workflows;
using TorchSharp;

namespace Research.Torch.Training;

/// <summary>What a training run produced.</summary>
/// <param name="RunFolder">The run folder.</param>
/// <param name="Metrics">All rows of metrics.csv.</param>
/// <param name="StoppedEarly">True when early stopping ended the run.</param>
/// <param name="Device">The device used.</param>
public sealed record TrainingRunResult(string RunFolder, IReadOnlyList<EpochMetrics> Metrics, bool StoppedEarly, string Device);

/// <summary>
/// A training run in a run folder: <c>config.json</c> (resolved options), <c>metrics.csv</c>, <c>learning_curves.html</c>,
/// <c>checkpoints/last</c> and <c>checkpoints/best</c>, <c>provenance.json</c>, <c>split.json</c>. Every file is replaced
/// atomically, in an order that leaves the folder resumable after a kill at any instant: <c>config.json</c> first; after
/// each epoch the metrics row and the learning curves, then <c>checkpoints/best</c> (when the epoch is the best), then
/// <c>checkpoints/last</c>, which commits the epoch. Resuming keeps only the metrics rows up to the last checkpoint's
/// epoch and repeats the epochs after it (training is deterministic, so they come out the same); a run with a
/// configuration but no checkpoint yet starts again from epoch 1.
/// </summary>
public static class TrainingRun
{
    /// <summary>The resolved options.</summary>
    public const string ConfigFile = "config.json";

    /// <summary>One row per epoch.</summary>
    public const string MetricsFile = "metrics.csv";

    /// <summary>The learning curves page.</summary>
    public const string CurvesFile = "learning_curves.html";

    /// <summary>Provenance of the run.</summary>
    public const string ProvenanceFile = "provenance.json";

    /// <summary>The last checkpoint, relative to the run folder.</summary>
    public static readonly string LastCheckpoint = Path.Combine("checkpoints", "last");

    /// <summary>The checkpoint with the lowest validation loss, relative to the run folder.</summary>
    public static readonly string BestCheckpoint = Path.Combine("checkpoints", "best");

    /// <summary>Starts a new run in <paramref name="runFolder"/>, which must not exist or be empty.</summary>
    public static TrainingRunResult Start(TrainingOptions options, string runFolder, ITrainingSource? source = null,
        IProgress<WorkflowProgress>? progress = null, Action<string>? log = null, string? commandLine = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        // checked before config.json is written, so a mistyped --init (or a run of another backbone) leaves no half-started run behind
        if (options.Init is not null) Tasks.MaskRcnnRuns.CheckInit(options.Init, options.Backbone);
        if (Directory.Exists(runFolder) && Directory.EnumerateFileSystemEntries(runFolder).Any(e => !AtomicFile.IsTemporary(e)))
        {
            throw new InputException($"{runFolder} exists and is not empty; continue it with --resume or choose another --out.");
        }
        Directory.CreateDirectory(runFolder);
        AtomicFile.RemoveTemporaries(runFolder);
        Json.Write(Path.Combine(runFolder, ConfigFile), options);
        return Execute(options, runFolder, resume: false, source, progress, log, commandLine);
    }

    /// <summary>Continues the run in <paramref name="runFolder"/> from <c>checkpoints/last</c>, optionally with more epochs.</summary>
    public static TrainingRunResult Resume(string runFolder, int? epochs = null, ITrainingSource? source = null,
        IProgress<WorkflowProgress>? progress = null, Action<string>? log = null, string? commandLine = null)
    {
        var options = ReadConfig(runFolder);
        if (epochs is int e && e != options.Epochs)
        {
            options = options with { Epochs = e };
            options.Validate();
            Json.Write(Path.Combine(runFolder, ConfigFile), options);
        }
        return Execute(options, runFolder, resume: true, source, progress, log, commandLine);
    }

    /// <summary>Reads a run's <c>config.json</c>.</summary>
    public static TrainingOptions ReadConfig(string runFolder)
    {
        string path = Path.Combine(runFolder, ConfigFile);
        if (!File.Exists(path)) throw new InputException($"{runFolder}: not a training run ({ConfigFile} is missing); start one without --resume.");
        try
        {
            var options = JsonSerializer.Deserialize<TrainingOptions>(File.ReadAllText(path), Json.Options) ?? throw new InputException($"{path}: empty.");
            options.Validate();
            return options;
        }
        catch (JsonException e)
        {
            throw new InputException($"{path}: not a valid run configuration ({e.Message}).", e);
        }
    }

    /// <summary>
    /// The training source a run's options describe: the generated synthetic dataset (without <c>--root</c>), else the
    /// manifest dataset's split at <see cref="TrainingOptions.DatasetRoot"/> (<see cref="DatasetTrainingSource"/>).
    /// </summary>
    public static ITrainingSource SourceFor(TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Dataset == SyntheticNucleiGenerator.DatasetId && options.DatasetRoot is null)
        {
            if (options.Colour != InputColour.Grey) throw new InputException($"The generated '{options.Dataset}' dataset is grey; train it with --colour grey.");
            return new SyntheticTrainingSource(options.Synthetic, options.Normalization);
        }
        if (options.DatasetRoot is null) throw new InputException($"Dataset '{options.Dataset}': give the folder of the split to train on with --root DIR (for example .../dsb2018/stage1_train).");
        var manifest = Research.Datasets.Manifests.ManifestRegistry.Load().Get(options.Dataset);
        return new DatasetTrainingSource(manifest, options.DatasetRoot, options.Colour, options.Normalization, options.CacheMegabytes * 1024L * 1024L);
    }

    private static TrainingRunResult Execute(TrainingOptions options, string runFolder, bool resume, ITrainingSource? source,
        IProgress<WorkflowProgress>? progress, Action<string>? log, string? commandLine)
    {
        var started = DateTimeOffset.UtcNow;
        var device = TorchRuntime.ResolveDevice(options.Device);
        if (options.Threads > 0) torch.set_num_threads(options.Threads);
        source ??= SourceFor(options);
        string last = Path.Combine(runFolder, LastCheckpoint), best = Path.Combine(runFolder, BestCheckpoint);
        if (resume)
        {
            AtomicFile.RemoveTemporaries(runFolder);
            Checkpoint.Recover(last);
            Checkpoint.Recover(best);
        }
        using var trainer = new Trainer(options, source, device, loadInit: !(resume && Directory.Exists(last)));
        var schedule = ScheduleState.Initial(options);
        var metrics = new List<EpochMetrics>();
        int first = 1;
        if (resume && !Directory.Exists(last))
        {
            log?.Invoke($"Resuming {runFolder}: no checkpoint was written yet ({LastCheckpoint} is missing), so training starts again from epoch 1.");
        }
        else if (resume)
        {
            var state = Checkpoint.ReadState(last, trainer.Identity(0, schedule));
            Checkpoint.Load(last, trainer.Model, trainer.Optimizer);
            schedule = LearningRateSchedule.Resumed(options, state.Schedule, state.Epoch);
            first = state.Epoch + 1;
            metrics = MetricsCsv.Read(Path.Combine(runFolder, MetricsFile)).Where(m => m.Epoch <= state.Epoch).ToList();
            log?.Invoke($"Resuming {runFolder} after epoch {state.Epoch} from {last}.");
        }
        if (trainer.Task.TakeEpochNote() is { } setup) log?.Invoke(setup);
        log?.Invoke($"Training {trainer.Task.ModelName} on {source.DatasetId} ({trainer.Split.Train.Count} training, {trainer.Split.Validation.Count} validation images) on {device.type.ToString().ToLowerInvariant()}, seed {options.Seed}.");
        WriteProvenance(runFolder, options, source, device, started, null, commandLine);
        SplitRecord.Of(source, trainer.Split, options).Write(runFolder);
        var clock = Stopwatch.StartNew();
        bool stopped = false;
        for (int epoch = first; epoch <= options.Epochs && !stopped; epoch++)
        {
            var row = trainer.RunEpoch(epoch, schedule.LearningRate, progress, clock, options.Epochs - epoch);
            metrics.Add(row);
            MetricsCsv.Write(Path.Combine(runFolder, MetricsFile), metrics);
            AtomicFile.WriteAllText(Path.Combine(runFolder, CurvesFile), Research.Plots.LearningCurves.Html($"Learning curves: {Path.GetFileName(Path.GetFullPath(runFolder))}", metrics));
            schedule = LearningRateSchedule.After(options, schedule, epoch, row.ValidationLoss);
            // best before last: checkpoints/last commits the epoch, so a kill between the two repeats the epoch.
            if (schedule.EpochsSinceBest == 0) Checkpoint.Save(best, trainer.Model, trainer.Optimizer, trainer.Identity(epoch, schedule));
            Checkpoint.Save(last, trainer.Model, trainer.Optimizer, trainer.Identity(epoch, schedule));
            log?.Invoke(FormattableString.Invariant($"epoch {epoch}: train_loss {row.TrainLoss:F4} val_loss {row.ValidationLoss:F4} val_dice {row.ValidationDice:F4} val_iou {row.ValidationIou:F4} lr {row.LearningRate:G3} ({row.Seconds:F1} s)"));
            if (trainer.Task.TakeEpochNote() is { } note) log?.Invoke($"epoch {epoch}: {note}");
            stopped = LearningRateSchedule.ShouldStop(options, schedule);
            if (stopped) log?.Invoke($"Early stopping: no better validation loss for {options.EarlyStoppingPatience} epochs.");
        }
        WriteProvenance(runFolder, options, source, device, started, DateTimeOffset.UtcNow, commandLine);
        return new TrainingRunResult(runFolder, metrics, stopped, device.type.ToString().ToLowerInvariant());
    }

    private static void WriteProvenance(string runFolder, TrainingOptions options, ITrainingSource source, torch.Device device,
        DateTimeOffset started, DateTimeOffset? finished, string? commandLine)
    {
        var components = new Dictionary<string, string>(VersionReport.Collect().AsComponents())
        {
            ["device"] = device.type.ToString().ToLowerInvariant(),
            ["dataset"] = source.DatasetId,
            ["dataset_checksum"] = source.Checksum,
            ["threads"] = torch.get_num_threads().ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (options.Init is { } init)
        {
            // the initial weights: the file, or the run folder's checkpoints/best weights
            string weights = File.Exists(init) ? init : Path.Combine(init, BestCheckpoint, Checkpoint.ModelFile);
            components["init"] = init;
            components["init_sha256"] = File.Exists(weights) ? FileHash.Sha256(weights) : "(missing now)";
        }
        Json.Write(Path.Combine(runFolder, ProvenanceFile), new RunProvenance
        {
            CommandLine = commandLine,
            Seed = options.Seed,
            Components = components,
            StartedUtc = started,
            FinishedUtc = finished,
        });
    }
}
