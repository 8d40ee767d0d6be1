using System.Globalization;
using System.Text.Json;
using Research.IO;
using Research.Metrics;
using Research.Processing.Labels;
using Research.Torch.Models;
using Research.Torch.Runtime;
using Research.Torch.Training;
using Research.Torch.Workflows;

namespace Research.Torch.Inference;

/// <summary>
/// <c>research tune</c>: chooses post-processing settings on the run's own validation images (the source images held
/// out by its seed, as recorded in <c>split.json</c>), never on a test set. The best checkpoint predicts each
/// validation image once (tiled, optionally with D4 test-time augmentation, exactly as <c>predict</c> does); then every
/// combination of a foreground threshold with an interior threshold (3-class models) or a minimum peak distance
/// (one-logit models) separates instances (for mask-rcnn: every detection score threshold with every mask threshold,
/// <see cref="DetectionLabels"/>), and the mean DSB2018 score over the images (<see cref="Dsb2018Score"/>,
/// the field's instance metric) ranks them. The result is written to <c>RUN/postprocessing.json</c>
/// (<see cref="TunedPostProcessing"/>), which <c>predict</c> then uses by default.
/// </summary>
public static class PostProcessingTuning
{
    /// <summary>Runs the tuning and writes <c>RUN/postprocessing.json</c>.</summary>
    public static TunedPostProcessing Run(TuneOptions options, IProgress<WorkflowProgress>? progress = null, Action<string>? log = null, string? commandLine = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var started = DateTimeOffset.UtcNow;
        options.Validate();
        var config = TrainingRun.ReadConfig(options.RunFolder);
        if (options.DatasetRoot is not null) config = config with { DatasetRoot = options.DatasetRoot };
        var source = TrainingRun.SourceFor(config);
        var split = DataSplit.BySource(source, config.ValidationFraction, config.Seed);
        CheckRecordedSplit(options.RunFolder, source, split);
        var device = TorchRuntime.ResolveDevice(options.Device);
        string checkpoint = Path.Combine(options.RunFolder, TrainingRun.BestCheckpoint);
        if (!ModelRegistry.IsPixelMap(config.Model)) return TuneDetections(options, config, source, split, checkpoint, device, started, progress, log, commandLine);
        using var model = Prediction.LoadModel(config, checkpoint, device);
        int stride = ModelRegistry.Stride(config.Model);
        bool interior = config.OutputChannels == 3;
        var seconds = interior ? options.InteriorThresholds : options.MinPeakDistances;
        var grid = options.Thresholds.SelectMany(t => seconds.Select(s => (Threshold: t, Second: s))).ToList();
        var defaults = new InstanceSeparationOptions();
        var defaultSetting = (defaults.Threshold, interior ? defaults.InteriorThreshold : defaults.MinPeakDistance);
        log?.Invoke($"Tuning {grid.Count} settings on {split.Validation.Count} validation images of {source.DatasetId} ({(interior ? "interior markers" : "distance peaks")}).");
        var scored = ScoreGrid(source, split, grid, defaultSetting, progress, sample =>
        {
            var maps = TiledPrediction.Probabilities(model.Model, config.OutputChannels, sample.Image, sample.Channels, sample.Height, sample.Width,
                options.Tile, options.Overlap, stride, options.TestTimeAugmentation, device);
            return setting => InstanceSeparation.Run(maps, interior
                ? options.Fixed with { Threshold = setting.Threshold, InteriorThreshold = setting.Second }
                : options.Fixed with { Threshold = setting.Threshold, MinPeakDistance = setting.Second });
        });
        var record = new TunedPostProcessing("dsb2018", interior ? TunedPostProcessing.Interior : TunedPostProcessing.PeakDistance, split.Validation.Count, scored.Objects,
            options.TestTimeAugmentation, $"{TrainingRun.BestCheckpoint} (epoch {model.Checkpoint.Epoch.ToString(CultureInfo.InvariantCulture)}, weights sha256 {model.Checkpoint.ModelSha256})",
            scored.Chosen, scored.DefaultScore, options.Fixed, scored.Candidates, Provenance(options, config, device, started, commandLine));
        record.Write(options.RunFolder);
        return record;
    }

    // mask-rcnn: each validation image is detected once (tiled as predict does); every (score, mask) threshold pair paints labels from the same detections.
    private static TunedPostProcessing TuneDetections(TuneOptions options, TrainingOptions config, ITrainingSource source, DataSplit split, string checkpoint,
        TorchSharp.torch.Device device, DateTimeOffset started, IProgress<WorkflowProgress>? progress, Action<string>? log, string? commandLine)
    {
        if (options.TestTimeAugmentation) throw new InputException("--tta averages per-pixel maps; a mask-rcnn run has none. Tune without --tta.");
        if (!File.Exists(Path.Combine(options.RunFolder, SplitRecord.FileName)))
            throw new InputException($"{options.RunFolder}: no {SplitRecord.FileName}, so no validation images to tune on (an imported run has none: train it with --init first, or give --score-threshold and --mask-threshold to predict).");
        var (model, state) = LabelPredictors.LoadDetector(config, checkpoint, device);
        using var owned = model;
        var grid = options.ScoreThresholds.SelectMany(t => options.MaskThresholds.Select(m => (Threshold: t, Second: m))).ToList();
        var defaults = new PredictOptions { RunFolder = options.RunFolder, Input = "", Output = "" };
        log?.Invoke($"Tuning {grid.Count} score and mask thresholds on {split.Validation.Count} validation images of {source.DatasetId} (mask-rcnn detections).");
        var scored = ScoreGrid(source, split, grid, (defaults.ScoreThreshold, defaults.MaskThreshold), progress, sample =>
        {
            var detections = TiledDetection.Detect(model, sample.Image, sample.Channels, sample.Height, sample.Width, config.DetectionScale, options.Tile, options.Overlap, device);
            return setting => DetectionLabels.Paint(detections, setting.Threshold, setting.Second, sample.Width, sample.Height, options.Fixed.MinObjectArea);
        });
        var record = new TunedPostProcessing("dsb2018", TunedPostProcessing.MaskThreshold, split.Validation.Count, scored.Objects, false,
            $"{TrainingRun.BestCheckpoint} (epoch {state.Epoch.ToString(CultureInfo.InvariantCulture)}, weights sha256 {state.ModelSha256})",
            scored.Chosen, scored.DefaultScore, options.Fixed, scored.Candidates, Provenance(options, config, device, started, commandLine));
        record.Write(options.RunFolder);
        return record;
    }

    /// <summary>
    /// The grid loop both model kinds share: each validation image is predicted once by <paramref name="prepare"/>, which
    /// returns labels for a setting; every setting (and the defaults) is scored by the image's DSB2018 score, and the mean
    /// over images ranks them (the first in grid order among equal scores wins).
    /// </summary>
    private static (List<TuningCandidate> Candidates, TuningCandidate Chosen, double DefaultScore, int Objects) ScoreGrid(
        ITrainingSource source, DataSplit split, IReadOnlyList<(double Threshold, double Second)> grid, (double Threshold, double Second) defaultSetting,
        IProgress<WorkflowProgress>? progress, Func<TrainingSample, Func<(double Threshold, double Second), int[]>> prepare)
    {
        var sums = new double[grid.Count];
        double defaultSum = 0;
        int objects = 0;
        for (int n = 0; n < split.Validation.Count; n++)
        {
            var sample = source.Get(split.Validation[n]);
            var truth = new LabelImage(sample.Width, sample.Height, sample.Labels, sample.Id);
            objects += sample.Labels.Length == 0 ? 0 : sample.Labels.Distinct().Count(l => l != 0);
            var labelsFor = prepare(sample);
            double Score((double Threshold, double Second) setting) =>
                Dsb2018Score.Image(ContingencyBuilder.Build(sample.Id, truth, new LabelImage(sample.Width, sample.Height, labelsFor(setting), sample.Id)));
            var scores = new double[grid.Count];
            Parallel.For(0, grid.Count, k => scores[k] = Score(grid[k]));
            for (int k = 0; k < grid.Count; k++) sums[k] += scores[k];
            defaultSum += Score(defaultSetting);
            progress?.Report(new WorkflowProgress("Tuning", n + 1, split.Validation.Count));
        }
        int count = split.Validation.Count;
        var candidates = grid.Select((g, k) => new TuningCandidate(g.Threshold, g.Second, sums[k] / count)).ToList();
        var chosen = candidates[0];
        foreach (var c in candidates) if (c.Score > chosen.Score) chosen = c;
        return (candidates, chosen, defaultSum / count, objects);
    }

    private static Research.Provenance.RunProvenance Provenance(TuneOptions options, TrainingOptions config, TorchSharp.torch.Device device, DateTimeOffset started, string? commandLine)
    {
        var components = new Dictionary<string, string>(VersionReport.Collect().AsComponents())
        {
            ["device"] = device.type.ToString().ToLowerInvariant(),
            ["run"] = Path.GetFullPath(options.RunFolder),
            ["dataset"] = config.Dataset,
            ["dataset_root"] = config.DatasetRoot is null ? "(generated)" : Path.GetFullPath(config.DatasetRoot),
            ["tile"] = options.Tile.ToString(CultureInfo.InvariantCulture),
            ["overlap"] = options.Overlap.ToString(CultureInfo.InvariantCulture),
        };
        return new Research.Provenance.RunProvenance
        {
            CommandLine = commandLine,
            Seed = config.Seed,
            Components = components,
            StartedUtc = started,
            FinishedUtc = DateTimeOffset.UtcNow,
        };
    }

    // The validation sources recomputed from config.json must be those the run recorded while training.
    private static void CheckRecordedSplit(string runFolder, ITrainingSource source, DataSplit split)
    {
        string path = Path.Combine(runFolder, SplitRecord.FileName);
        if (!File.Exists(path)) return;
        var recorded = JsonSerializer.Deserialize<SplitRecord>(File.ReadAllText(path), Json.Options);
        var now = split.Validation.Select(source.SourceOf).Distinct().Order(StringComparer.Ordinal).ToList();
        if (recorded is null || !recorded.Validation.SequenceEqual(now, StringComparer.Ordinal))
        {
            throw new InputException($"{path}: the run held out {recorded?.Validation.Count ?? 0} source images, but the dataset now gives {now.Count} different ones; " +
                "point --root at the split the run was trained on.");
        }
    }
}
