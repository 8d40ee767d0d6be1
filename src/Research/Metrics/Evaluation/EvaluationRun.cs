using System.Globalization;
using Research.IO;
using Research.Provenance;

namespace Research.Metrics.Evaluation;

/// <summary>What an evaluation run wrote and found.</summary>
/// <param name="Folder">The output folder.</param>
/// <param name="Images">Per-image results, in the source's order.</param>
/// <param name="Summary">The dataset summary.</param>
/// <param name="MissingPredictions">Identifiers evaluated against an empty prediction because none existed.</param>
public sealed record EvaluationResult(string Folder, IReadOnlyList<ImageMetrics> Images, EvaluationSummary Summary, IReadOnlyList<string> MissingPredictions);

/// <summary>
/// Evaluates every pair of a source and writes the output folder as a whole (nothing half-written on failure):
/// <c>summary.json</c> (<see cref="EvaluationSummary"/>), <c>per_image.csv</c> (<see cref="PerImageCsv"/>),
/// <c>provenance.json</c> (versions, what was compared, every setting, images without a prediction) and, when a report
/// writer is given, <c>report.html</c>.
/// </summary>
public static class EvaluationRun
{
    /// <summary>Images measured in parallel per step (they are read one after the other, measured together).</summary>
    public const int BatchSize = 16;

    /// <summary>
    /// Runs the evaluation. <paramref name="report"/>, when given, writes report.html into the folder it receives
    /// (the plots live above the metrics, so they are passed in); it gets the source again to re-read the few images it
    /// draws, so no image is kept in memory here. <paramref name="progress"/> receives the number of
    /// images done.
    /// </summary>
    public static EvaluationResult Run(ILabelPairSource source, EvaluationOptions options, string outputFolder, bool force,
        Action<string, ILabelPairSource, IReadOnlyList<ImageMetrics>, EvaluationSummary>? report = null, IProgress<int>? progress = null,
        string? commandLine = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var started = DateTimeOffset.UtcNow;
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (options.ResizePredictions == PredictionResize.Nearest) source = new ResizingPairSource(source);
        using var folder = OutputFolder.Begin(outputFolder, force);
        var evaluator = new Evaluator(options);
        var batch = new List<LabelPair>(BatchSize);
        var missing = new List<string>();
        int done = 0, resized = 0;
        foreach (var pair in source.Pairs())
        {
            if (pair.MissingPrediction) missing.Add(pair.Id);
            if (pair.PredictionResizedFrom is not null) resized++;
            batch.Add(pair);
            if (batch.Count < BatchSize) continue;
            done += Flush(evaluator, batch);
            progress?.Report(done);
        }
        done += Flush(evaluator, batch);
        progress?.Report(done);
        if (done == 0) throw new InputException($"Nothing to evaluate: {source.Description} gave no images.");
        var images = evaluator.Images;
        var summary = evaluator.Aggregate();
        if (options.ResizePredictions == PredictionResize.Nearest) summary = summary with { PredictionResize = new PredictionResizeSummary("nearest", resized, done) };
        Json.Write(folder.PathFor("summary.json"), summary);
        AtomicFile.WriteAllText(folder.PathFor("per_image.csv"), PerImageCsv.ToText(images, options));
        Json.Write(folder.PathFor("provenance.json"), Provenance(source, options, images.Count, missing.Count, summary.PredictionResize, started, commandLine));
        report?.Invoke(folder.Staging, source, images, summary);
        folder.Commit();
        return new EvaluationResult(folder.Target, images, summary, missing);
    }

    private static RunProvenance Provenance(ILabelPairSource source, EvaluationOptions options, int images, int missing, PredictionResizeSummary? resize,
        DateTimeOffset started, string? commandLine)
    {
        string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        return new RunProvenance
        {
            CommandLine = commandLine,
            StartedUtc = started,
            FinishedUtc = DateTimeOffset.UtcNow,
            Components = new Dictionary<string, string>
            {
                ["compared"] = source.Description,
                ["taus"] = string.Join(" ", options.Taus.Select(F)),
                ["centroid_radius"] = F(options.CentroidRadius),
                ["boundary_tolerance"] = F(options.BoundaryTolerance),
                ["boundary_metrics"] = options.Boundary ? "yes" : "no",
                ["binary_components"] = options.BinaryComponents?.ToString().ToLowerInvariant() ?? "no",
                ["images"] = images.ToString(CultureInfo.InvariantCulture),
                ["missing_predictions"] = missing.ToString(CultureInfo.InvariantCulture),
                ["prediction_resize"] = resize is null ? "no" : $"nearest (pixel centres), {resize.ResizedImages.ToString(CultureInfo.InvariantCulture)} of {images.ToString(CultureInfo.InvariantCulture)} resized to the truth's size",
                ["pixel_smoothed_smooth"] = F(PixelSmoothedSummary.DefaultSmooth),
            },
        };
    }

    private static int Flush(Evaluator evaluator, List<LabelPair> batch)
    {
        int n = batch.Count;
        if (n == 0) return 0;
        evaluator.Update(batch);
        batch.Clear();
        return n;
    }
}
