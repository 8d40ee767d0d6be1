using System.Globalization;
using Research.Imaging;
using Research.Imaging.Codecs;
using Research.IO;
using Research.Metrics;
using Research.Metrics.Evaluation;
using Research.Provenance;
using Research.Torch.Runtime;
using Research.Torch.Workflows;

namespace Research.Torch.Sam.FineTuning;

/// <summary>What <c>research sam evaluate</c> measured.</summary>
/// <param name="Folder">The output folder.</param>
/// <param name="Summary">The metrics of <c>research evaluate</c> over the frames (CTC SEG and DET among them).</param>
/// <param name="Frames">The frames evaluated and skipped, in words.</param>
public sealed record SamEvaluationResult(string Folder, EvaluationSummary Summary, string Frames);

/// <summary>
/// <c>research sam evaluate</c>: every annotated frame of a dataset (or those whose ids match a pattern) is segmented
/// with one prompt per true object, its exact box (<see cref="SamEvaluation"/>), and measured against the truth with
/// the metrics of <c>research evaluate</c>. Writes, as a whole, <c>labels/ID.tif</c> (16-bit instance labels; a
/// <c>/</c> in a sample id becomes <c>_</c>), <c>per_image.csv</c>, <c>summary.json</c> and <c>provenance.json</c>.
/// With box prompts from the truth the count of objects is given, so the numbers measure how well SAM outlines objects
/// it is shown, not how well it finds them.
/// </summary>
public static class SamEvaluationRun
{
    /// <summary>Runs the evaluation with the model <paramref name="load"/> returns (weights <paramref name="weights"/>, for the cache key and provenance).</summary>
    public static SamEvaluationResult Run(Func<SamModel> load, string weights, string variant, string? run, string dataset, string root, string? include,
        string? cacheFolder, string output, bool force, IProgress<WorkflowProgress>? progress = null, string? commandLine = null)
    {
        ArgumentNullException.ThrowIfNull(load);
        var started = DateTimeOffset.UtcNow;
        var frames = SamFrames.Read(dataset, root, include, out int withoutTruth, out int empty, out int listed);
        string described = string.Create(CultureInfo.InvariantCulture,
            $"{frames.Count} frame(s) with {frames.Sum(f => f.Objects.Count)} objects; skipped {withoutTruth} without segmentation and {empty} with empty segmentation, of {listed} listed");
        using var folder = OutputFolder.Begin(output, force);
        TorchRuntime.EnsureLoaded();
        using var model = load();
        string sha = FileHash.Sha256(weights);
        var cache = new SamEmbeddingCache(cacheFolder, model, sha);
        var pairs = new List<LabelPair>(frames.Count);
        foreach (var frame in frames)
        {
            using var embedding = cache.Get(frame.ImagePath);
            var result = SamEvaluation.Frame(model, frame, embedding);
            ImageFile.Write(folder.PathFor(Path.Combine("labels", FileName(frame.Id) + ".tif")),
                new Image<ushort>(result.Prediction.Width, result.Prediction.Height, 1, Array.ConvertAll(result.Prediction.Data, v => (ushort)v)));
            pairs.Add(new LabelPair(frame.Id, frame.Truth, result.Prediction));
            progress?.Report(new WorkflowProgress("Segmenting", pairs.Count, frames.Count, frame.Id));
        }
        var options = new EvaluationOptions();
        var (images, summary) = Evaluator.Evaluate(pairs, options);
        using (var writer = new StreamWriter(folder.PathFor("per_image.csv"))) PerImageCsv.Write(writer, images, options);
        Json.Write(folder.PathFor("summary.json"), summary);
        var components = new Dictionary<string, string>(VersionReport.Collect().AsComponents())
        {
            ["weights"] = Path.GetFullPath(weights),
            ["weights_sha256"] = sha,
            ["variant"] = variant,
            ["run"] = run is null ? "" : Path.GetFullPath(run),
            ["decoder"] = run is null ? "the checkpoint's" : "fine-tuned: " + Path.Combine(Path.GetFullPath(run), SamFineTuneRun.BestCheckpoint),
            ["dataset"] = dataset,
            ["root"] = Path.GetFullPath(root),
            ["include"] = include ?? "",
            ["frames"] = described,
            ["prompts"] = "one box per true object (its exact box, no jitter)",
            ["embeddings"] = $"{cache.Computed} computed, {cache.Hits} from the cache {cache.Folder ?? "(none)"}",
        };
        Json.Write(folder.PathFor("provenance.json"), new RunProvenance { CommandLine = commandLine, Components = components, StartedUtc = started, FinishedUtc = DateTimeOffset.UtcNow });
        folder.Commit();
        return new SamEvaluationResult(output, summary, described);
    }

    /// <summary>The file name of a sample id (<c>01/t002</c> becomes <c>01_t002</c>).</summary>
    public static string FileName(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return id.Replace('/', '_').Replace('\\', '_');
    }
}
