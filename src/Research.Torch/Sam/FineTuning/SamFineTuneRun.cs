using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Research.IO;
using Research.Provenance;
using Research.Torch.Runtime;
using Research.Torch.Training;
using Research.Torch.Workflows;
using TorchSharp;

namespace Research.Torch.Sam.FineTuning;

/// <summary>What a fine-tuning run produced.</summary>
/// <param name="RunFolder">The run folder.</param>
/// <param name="Rows">Every row of metrics.csv (epoch 0 is the base model).</param>
/// <param name="Frames">The frames used and skipped, in words.</param>
/// <param name="EmbeddingsComputed">Embeddings computed by this invocation (the others came from the cache).</param>
/// <param name="EpochsRun">Epochs trained by this invocation (0: the run already had its epochs).</param>
public sealed record SamFineTuneResult(string RunFolder, IReadOnlyList<SamEpochRow> Rows, string Frames, int EmbeddingsComputed, int EpochsRun = 0);

/// <summary>
/// A fine-tuning run folder: <c>config.json</c> (<see cref="SamFineTuneOptions"/> with the base checkpoint's SHA-256),
/// <c>metrics.csv</c> (<see cref="SamEpochRow"/>; epoch 0 scores the base model), <c>checkpoints/last</c> (decoder and
/// optimiser), <c>checkpoints/best</c> (the decoder of the highest validation SEG, epoch 0 included, so it is never
/// worse than the base model on the validation frames), <c>embeddings/</c> (the default cache) and
/// <c>provenance.json</c>. Files are replaced atomically in the order of <see cref="TrainingRun"/>: after each epoch
/// the metrics row, then <c>best</c> when it is the best, then <c>last</c>, which commits the epoch. A resumed run
/// keeps the rows up to the last checkpoint and repeats the epochs after it, which come out the same.
/// </summary>
public static class SamFineTuneRun
{
    /// <summary>The last checkpoint, relative to the run folder.</summary>
    public static readonly string LastCheckpoint = Path.Combine("checkpoints", "last");

    /// <summary>The best checkpoint, relative to the run folder.</summary>
    public static readonly string BestCheckpoint = Path.Combine("checkpoints", "best");

    /// <summary>Starts a run in <paramref name="runFolder"/>, which must not exist or be empty.</summary>
    public static SamFineTuneResult Start(SamFineTuneOptions options, string runFolder, IProgress<WorkflowProgress>? progress = null, Action<string>? log = null, string? commandLine = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (!File.Exists(options.Weights)) throw new InputException($"--weights {options.Weights}: no such checkpoint file");
        if (Directory.Exists(runFolder) && Directory.EnumerateFileSystemEntries(runFolder).Any(e => !AtomicFile.IsTemporary(e)))
            throw new InputException($"{runFolder} exists and is not empty; continue it with --resume or choose another --out.");
        options = options with
        {
            Weights = Path.GetFullPath(options.Weights),
            WeightsSha256 = FileHash.Sha256(options.Weights),
            Root = Path.GetFullPath(options.Root),
            Cache = options.Cache is null ? null : Path.GetFullPath(options.Cache),
        };
        Directory.CreateDirectory(runFolder);
        AtomicFile.RemoveTemporaries(runFolder);
        Json.Write(Path.Combine(runFolder, TrainingRun.ConfigFile), options);
        return Execute(options, runFolder, resume: false, progress, log, commandLine);
    }

    /// <summary>
    /// Continues the run in <paramref name="runFolder"/> from <c>checkpoints/last</c>, optionally to <paramref name="epochs"/>
    /// epochs (not fewer than it has), with the base checkpoint at <paramref name="weights"/> when it has moved (its
    /// SHA-256 must be the recorded one).
    /// </summary>
    public static SamFineTuneResult Resume(string runFolder, int? epochs = null, IProgress<WorkflowProgress>? progress = null, Action<string>? log = null,
        string? commandLine = null, string? weights = null)
    {
        var options = ReadConfig(runFolder);
        string statePath = Path.Combine(runFolder, LastCheckpoint, Checkpoint.StateFile);
        int done = File.Exists(statePath) ? SamDecoderCheckpoint.ReadState(Path.Combine(runFolder, LastCheckpoint), options.WeightsSha256).Epoch : 0;
        if (epochs is int fewer && fewer < done)
            throw new InputException($"--epochs {fewer}: {runFolder} already has {done} epochs; give {done} or more (a run is not shortened).");
        if (weights is not null)
        {
            if (!File.Exists(weights)) throw new InputException($"--weights {weights}: no such checkpoint file");
            options = options with { Weights = Path.GetFullPath(weights) };
        }
        if ((epochs is int e && e != options.Epochs) || weights is not null)
        {
            options = options with { Epochs = epochs ?? options.Epochs };
            options.Validate();
            if (weights is not null && !string.Equals(FileHash.Sha256(options.Weights), options.WeightsSha256, StringComparison.OrdinalIgnoreCase))
                throw new InputException($"--weights {weights}: not the checkpoint the run started from (its SHA-256 is not {options.WeightsSha256}).");
            Json.Write(Path.Combine(runFolder, TrainingRun.ConfigFile), options);
        }
        return Execute(options, runFolder, resume: true, progress, log, commandLine);
    }

    /// <summary>Reads a run's <c>config.json</c>.</summary>
    /// <exception cref="InputException">No fine-tuning run there.</exception>
    public static SamFineTuneOptions ReadConfig(string runFolder)
    {
        string path = Path.Combine(runFolder, TrainingRun.ConfigFile);
        if (!File.Exists(path)) throw new InputException($"{runFolder}: not a fine-tuning run ({TrainingRun.ConfigFile} is missing); start one with 'research sam finetune'.");
        try
        {
            var options = JsonSerializer.Deserialize<SamFineTuneOptions>(File.ReadAllText(path), Json.Options) ?? throw new InputException($"{path}: empty.");
            options.Validate();
            return options;
        }
        catch (JsonException e)
        {
            throw new InputException($"{path}: not the configuration of a fine-tuning run ({e.Message}).", e);
        }
    }

    /// <summary>
    /// The model of a run: the base checkpoint (<paramref name="weights"/> when it has moved, else the one in
    /// <c>config.json</c>; its SHA-256 must be the recorded one) with the decoder of <c>checkpoints/best</c>
    /// (<paramref name="last"/>: <c>checkpoints/last</c>).
    /// </summary>
    public static SamModel LoadModel(string runFolder, string? weights = null, bool last = false)
    {
        var options = ReadConfig(runFolder);
        string path = weights ?? options.Weights;
        if (!File.Exists(path))
            throw new InputException($"{path}: the run's base checkpoint is not there; give its new place with --weights (SHA-256 {options.WeightsSha256}).");
        string sha = FileHash.Sha256(path);
        string folder = Path.Combine(runFolder, last ? LastCheckpoint : BestCheckpoint);
        SamDecoderCheckpoint.ReadState(folder, sha);
        var model = SamCheckpoint.Create(options.ModelConfig(), path);
        try
        {
            SamDecoderCheckpoint.Load(folder, model, null);
        }
        catch
        {
            model.Dispose();
            throw;
        }
        return model;
    }

    private static SamFineTuneResult Execute(SamFineTuneOptions options, string runFolder, bool resume, IProgress<WorkflowProgress>? progress, Action<string>? log, string? commandLine)
    {
        var started = DateTimeOffset.UtcNow;
        TorchRuntime.EnsureLoaded();
        if (options.Threads > 0) torch.set_num_threads(options.Threads);
        if (!File.Exists(options.Weights)) throw new InputException($"{options.Weights}: the run's base checkpoint is missing.");
        string sha = FileHash.Sha256(options.Weights);
        if (!string.Equals(sha, options.WeightsSha256, StringComparison.OrdinalIgnoreCase))
            throw new InputException($"{options.Weights}: SHA-256 is {sha}, but the run started from {options.WeightsSha256}; the base checkpoint changed, so the run cannot continue.");
        string metricsPath = Path.Combine(runFolder, TrainingRun.MetricsFile);
        string lastFolder = Path.Combine(runFolder, LastCheckpoint), bestFolder = Path.Combine(runFolder, BestCheckpoint);
        Checkpoint.Recover(lastFolder);
        Checkpoint.Recover(bestFolder);
        var last = resume && File.Exists(Path.Combine(lastFolder, Checkpoint.StateFile)) ? SamDecoderCheckpoint.ReadState(lastFolder, sha) : null;
        int done = last?.Epoch ?? 0;
        var rows = resume ? SamEpochRow.Read(metricsPath).Where(r => r.Epoch <= done).ToList() : [];
        if (done >= options.Epochs)
        {
            log?.Invoke($"The run already has {done} epoch(s); give --epochs above {done} to continue it.");
            return new SamFineTuneResult(runFolder, rows, "", 0, 0);
        }
        var frames = SamFrames.Load(options.Dataset, options.Root, options.Include, options.ValidationFraction, options.Seed);
        log?.Invoke(frames.Describe());
        using var model = SamCheckpoint.Create(options.ModelConfig(), options.Weights);
        var cache = new SamEmbeddingCache(options.Cache ?? Path.Combine(runFolder, "embeddings"), model, sha);
        var all = frames.Train.Concat(frames.Validation).ToList();
        var embeddings = new List<SamEmbedding>(all.Count);
        try
        {
            foreach (var frame in all)
            {
                var embedding = cache.Get(frame.ImagePath);
                embeddings.Add(embedding);
                if (embedding.OriginalSize != (frame.Truth.Height, frame.Truth.Width))
                    throw new InputException($"{frame.ImagePath}: the image is {embedding.OriginalSize.W} x {embedding.OriginalSize.H} but its truth ({frame.Truth.Name}) is {frame.Truth.Width} x {frame.Truth.Height}");
                progress?.Report(new WorkflowProgress("Embedding", embeddings.Count, all.Count, frame.Id));
            }
            log?.Invoke($"Image embeddings: {cache.Computed} computed, {cache.Hits} from the cache ({cache.Folder})");
            var train = embeddings.Take(frames.Train.Count).ToList();
            var validation = embeddings.Skip(frames.Train.Count).ToList();
            using var tuner = new SamFineTuner(model, options);
            if (last is not null) SamDecoderCheckpoint.Load(lastFolder, model, tuner.Optimizer);
            WriteProvenance(runFolder, options, frames, started, null, commandLine);
            if (!rows.Any(r => r.Epoch == 0))
            {
                var clock = Stopwatch.StartNew();
                var (loss, counts) = tuner.Validate(frames.Validation, validation);
                rows = [new SamEpochRow(0, double.NaN, loss, counts.Seg, counts.Det, options.LearningRate, clock.Elapsed.TotalSeconds)];
                // best before the row: a run killed between them redoes epoch 0 instead of lacking checkpoints/best
                SamDecoderCheckpoint.Save(bestFolder, model, null, new SamCheckpointState(0, options.Variant, sha, counts.Seg));
                SamEpochRow.Write(metricsPath, rows);
                log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"Epoch 0 (base model): validation SEG {counts.Seg:F4}, DET {counts.Det:F4}"));
            }
            double best = rows.Max(r => r.ValSeg);
            for (int epoch = done + 1; epoch <= options.Epochs; epoch++)
            {
                var clock = Stopwatch.StartNew();
                double trainLoss = tuner.TrainEpoch(epoch, frames.Train, train, progress);
                var (loss, counts) = tuner.Validate(frames.Validation, validation);
                rows.Add(new SamEpochRow(epoch, trainLoss, loss, counts.Seg, counts.Det, options.LearningRate, clock.Elapsed.TotalSeconds));
                SamEpochRow.Write(metricsPath, rows);
                var state = new SamCheckpointState(epoch, options.Variant, sha, counts.Seg);
                if (counts.Seg > best)
                {
                    best = counts.Seg;
                    SamDecoderCheckpoint.Save(bestFolder, model, null, state);
                }
                SamDecoderCheckpoint.Save(lastFolder, model, tuner.Optimizer, state);
                log?.Invoke(string.Create(CultureInfo.InvariantCulture,
                    $"Epoch {epoch}/{options.Epochs}: train loss {trainLoss:F4}, validation loss {loss:F4}, SEG {counts.Seg:F4}, DET {counts.Det:F4} ({clock.Elapsed.TotalSeconds:F1} s)"));
            }
            WriteProvenance(runFolder, options, frames, started, DateTimeOffset.UtcNow, commandLine);
            return new SamFineTuneResult(runFolder, rows, frames.Describe(), cache.Computed, options.Epochs - done);
        }
        finally
        {
            foreach (var e in embeddings) e.Dispose();
        }
    }

    private static void WriteProvenance(string runFolder, SamFineTuneOptions options, SamFrames frames, DateTimeOffset started, DateTimeOffset? finished, string? commandLine)
    {
        string I(long v) => v.ToString(CultureInfo.InvariantCulture);
        var components = new Dictionary<string, string>(VersionReport.Collect().AsComponents())
        {
            ["device"] = "cpu",
            ["threads"] = I(torch.get_num_threads()),
            ["weights"] = options.Weights,
            ["weights_sha256"] = options.WeightsSha256,
            ["variant"] = options.Variant,
            ["dataset"] = options.Dataset,
            ["root"] = Path.GetFullPath(options.Root),
            ["include"] = options.Include ?? "",
            ["frames"] = frames.Describe(),
            ["train_frames"] = string.Join(' ', frames.Train.Select(f => f.Id)),
            ["validation_frames"] = string.Join(' ', frames.Validation.Select(f => f.Id)),
            ["trained"] = "mask_decoder (image_encoder and prompt_encoder frozen)",
        };
        Json.Write(Path.Combine(runFolder, TrainingRun.ProvenanceFile), new RunProvenance
        {
            CommandLine = commandLine,
            Seed = options.Seed,
            Components = components,
            StartedUtc = started,
            FinishedUtc = finished,
        });
    }
}
