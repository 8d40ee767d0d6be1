using Research.Datasets.Layouts;
using Research.Datasets.Manifests;
using Research.IO;

namespace Research.Datasheets;

/// <summary>
/// Writes a datasheet folder: <c>datasheet.md</c>, <c>datasheet.html</c>, <c>croissant.json</c>, and, when data were
/// measured, <c>stats.json</c> and <c>per_image.csv</c>. The folder is staged and moved into place only when complete
/// (<see cref="OutputFolder"/>); an existing non-empty folder is refused unless <see cref="DatasheetOptions.Force"/>.
/// </summary>
public static class DatasheetWriter
{
    /// <summary>Measures (when <see cref="DatasheetOptions.Root"/> is set) and writes the datasheet of <paramref name="manifest"/> into <paramref name="outDir"/>.</summary>
    public static DatasheetResult Write(DatasetManifest manifest, string outDir, DatasheetOptions? options = null, LayoutReaders? readers = null, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        options ??= new DatasheetOptions();
        ManifestAnswers.CheckIds(manifest);
        using OutputFolder output = OutputFolder.Begin(outDir, options.Force);
        Composition composition = options.Root is null ? Composition.NotMeasured
            : CompositionAnalyzer.Analyze(manifest, options.Root, readers ?? new LayoutReaders(),
                new CompositionOptions { Split = options.Split, Parallelism = options.Parallelism }, progress);
        DateTimeOffset generated = options.Generated ?? DateTimeOffset.UtcNow;
        var files = new List<string> { "datasheet.md", "datasheet.html", "croissant.json" };
        AtomicFile.WriteAllText(output.PathFor("datasheet.md"), MarkdownDatasheet.Render(manifest, composition, generated));
        HtmlDatasheet.Write(output.PathFor("datasheet.html"), manifest, composition, generated, options.ExampleImages);
        Croissant.Write(output.PathFor("croissant.json"), manifest, composition, generated, RoisLink(options.Rois, output.Target));
        DatasheetStats? stats = null;
        if (composition.Measured)
        {
            stats = DatasheetStats.From(composition);
            Json.Write(output.PathFor("stats.json"), stats);
            PerImageFrame.WriteCsv(PerImageFrame.Build(composition.Rows), output.PathFor("per_image.csv"));
            files.AddRange(["stats.json", "per_image.csv", Croissant.SumsFile]);
        }
        output.Commit();
        return new DatasheetResult(output.Target, composition, stats, files);
    }

    private static CroissantOntology.RoisLink? RoisLink(string? rois, string folder)
    {
        if (rois is null) return null;
        if (!File.Exists(rois)) throw new InputException($"--rois {rois}: the file does not exist; give the rois.jsonld written by research measure.");
        return new CroissantOntology.RoisLink(Path.GetRelativePath(folder, Path.GetFullPath(rois)).Replace('\\', '/'), FileHash.Sha256(rois));
    }
}
