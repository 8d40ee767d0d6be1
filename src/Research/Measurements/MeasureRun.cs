using System.Globalization;
using Research.Datasets.Manifests;
using Research.IO;
using Research.Provenance;

namespace Research.Measurements;

/// <summary>One set of images to measure (the truth, or predictions beside it) and the subfolder its tables go to ("" = the output folder itself).</summary>
/// <param name="Name">Shown in the report (e.g. <c>truth</c>, <c>pred</c>).</param>
/// <param name="Folder">Subfolder of the output for its tables.</param>
/// <param name="Inputs">The images.</param>
public sealed record MeasureSet(string Name, string Folder, IReadOnlyList<MeasureInput> Inputs);

/// <summary>What a measure run wrote: each set's measurements and the output folder.</summary>
/// <param name="Folder">The output folder.</param>
/// <param name="Sets">Per set, its images' measurements in input order.</param>
public sealed record MeasureResult(string Folder, IReadOnlyList<(MeasureSet Set, IReadOnlyList<ImageMeasurement> Images)> Sets);

/// <summary>
/// <c>research measure</c>: measures every image of every set (images in parallel, results in input order) and writes
/// the output folder as a whole (nothing half-written on failure): per set <c>objects.csv</c> (<see cref="ObjectTable"/>),
/// <c>images.csv</c> (<see cref="ImageTable"/>) and <c>rois.jsonld</c> (<see cref="RoiDocument"/>), and at the top
/// <c>report.html</c> (<see cref="MeasurementReport"/>) and <c>provenance.json</c>.
/// </summary>
public static class MeasureRun
{
    /// <summary>Runs the measurement; <paramref name="progress"/> receives images done.</summary>
    public static MeasureResult Run(IReadOnlyList<MeasureSet> sets, string title, OntologyTerms? ontology, string outputFolder, bool force,
        int parallelism = 0, bool report = true, string? commandLine = null, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(sets);
        var started = DateTimeOffset.UtcNow;
        if (sets.Sum(s => s.Inputs.Count) == 0) throw new InputException("Nothing to measure: no label image was found.");
        using var folder = OutputFolder.Begin(outputFolder, force);
        int done = 0;
        var results = new List<(MeasureSet, IReadOnlyList<ImageMeasurement>)>();
        foreach (MeasureSet set in sets)
        {
            var images = new ImageMeasurement[set.Inputs.Count];
            var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism > 0 ? parallelism : Environment.ProcessorCount };
            try
            {
                Parallel.For(0, images.Length, options, i =>
                {
                    MeasureInput input = set.Inputs[i];
                    var (labels, intensity) = input.Read();
                    images[i] = RegionMeasurer.MeasureImage(input.Image, labels, intensity, outlines: true);
                    progress?.Report(Interlocked.Increment(ref done));
                });
            }
            catch (AggregateException e)
            {
                // A user's mistake (InputException) first, else the first failure (an IOException is still exit 1).
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions.OfType<InputException>().FirstOrDefault() ?? e.InnerExceptions[0]);
            }
            string sub = set.Folder.Length == 0 ? "" : set.Folder + "/";
            AtomicFile.WriteAllText(folder.PathFor(sub + "objects.csv"), ObjectTable.ToText(images));
            AtomicFile.WriteAllText(folder.PathFor(sub + "images.csv"), ImageTable.ToText(images));
            AtomicFile.Write(folder.PathFor(sub + "rois.jsonld"), s => RoiDocument.Write(s, $"{title} ({set.Name})", images, ontology));
            results.Add((set, images));
        }
        if (report) MeasurementReport.Write(folder.PathFor("report.html"), title, results.Select(r => (r.Item1.Name, r.Item2)).ToList());
        Json.Write(folder.PathFor("provenance.json"), Provenance(results, title, started, commandLine));
        folder.Commit();
        return new MeasureResult(folder.Target, results);
    }

    private static RunProvenance Provenance(List<(MeasureSet Set, IReadOnlyList<ImageMeasurement> Images)> results, string title, DateTimeOffset started, string? commandLine)
    {
        var c = CultureInfo.InvariantCulture;
        var components = new Dictionary<string, string> { ["measured"] = title, ["definitions"] = "scikit-image 0.19 regionprops" };
        foreach (var (set, images) in results)
        {
            components[$"{set.Name}_images"] = images.Count.ToString(c);
            components[$"{set.Name}_objects"] = images.Sum(i => i.Objects.Count).ToString(c);
        }
        return new RunProvenance { CommandLine = commandLine, StartedUtc = started, FinishedUtc = DateTimeOffset.UtcNow, Components = components };
    }
}
