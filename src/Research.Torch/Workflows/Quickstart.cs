using Research.Metrics;
using System.Globalization;
using System.Text;
using Research.Augmentation;
using Research.Datasets.Synthetic;
using Research.Imaging.Codecs;
using Research.Imaging.Drawing;
using Research.IO;
using Research.Metrics.Evaluation;
using Research.Plots;
using Research.Provenance;
using Research.Torch.Inference;
using Research.Torch.Training;
using Research.Torch.Runtime;

namespace Research.Torch.Workflows;

/// <summary>What quickstart wrote.</summary>
/// <param name="OutputFolder">The output folder.</param>
/// <param name="Files">Paths of the files written, relative to the folder.</param>
/// <param name="Dataset">The generated dataset's index.</param>
public sealed record QuickstartResult(string OutputFolder, IReadOnlyList<string> Files, SyntheticDatasetIndex Dataset);

/// <summary>
/// The main job on the embedded default dataset. Writes into the output folder: <c>data/</c> (the synthetic-nuclei
/// dataset: images, labels, index), <c>preview.png</c> (the first images with their object outlines), <c>augmentation.png</c>
/// (16 of the 113 folds of the first image, outlined), <c>datasheet/</c> (the datasheet of the generated data, see
/// <c>Research.Datasheets.DatasheetWriter</c>), <c>run/</c> (a small U-Net trained on the data),
/// <c>learning_curves.html</c>, <c>predictions/</c> (its instance labels and submission.csv), <c>evaluation/</c>
/// (<see cref="EvaluationRun"/> of the predictions against the synthetic labels: summary.json, per_image.csv, report.html),
/// <c>summary.md</c> and <c>summary.json</c> (what was made, object statistics, DSB2018 score and F1 at IoU 0.5) and
/// <c>provenance.json</c>. The folder appears only when complete.
/// </summary>
public static class Quickstart
{
    /// <summary>Runs the quickstart.</summary>
    public static QuickstartResult Run(QuickstartOptions options, IProgress<WorkflowProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Dataset.Validate();
        var started = DateTimeOffset.UtcNow;
        using var output = OutputFolder.Begin(options.OutputFolder, options.Force);

        int total = options.Dataset.Count;
        var index = SyntheticDatasetWriter.Write(options.Dataset, output.PathFor("data"),
            new Progress<int>(done => progress?.Report(new WorkflowProgress("Generating synthetic nuclei", done, total))));

        progress?.Report(new WorkflowProgress("Drawing preview", 0, 1));
        WritePreview(output.PathFor("preview.png"), options);
        WriteAugmentationPreview(output.PathFor("augmentation.png"), options);
        progress?.Report(new WorkflowProgress("Drawing preview", 1, 1));

        progress?.Report(new WorkflowProgress("Writing the datasheet", 0, 1));
        var manifest = Datasets.Manifests.ManifestRegistry.Load().Get("synthetic-nuclei");
        Datasheets.DatasheetWriter.Write(manifest, output.PathFor("datasheet"), new Datasheets.DatasheetOptions { Root = output.PathFor("data"), ExampleImages = 3 });
        progress?.Report(new WorkflowProgress("Writing the datasheet", 1, 1));

        var training = options.Training with { Synthetic = options.Dataset, Seed = options.Dataset.Seed };
        var run = TrainingRun.Start(training, output.PathFor("run"), progress: progress, commandLine: options.CommandLine);
        File.Copy(Path.Combine(output.PathFor("run"), TrainingRun.CurvesFile), output.PathFor(TrainingRun.CurvesFile));
        Prediction.Run(new PredictOptions { RunFolder = output.PathFor("run"), Input = output.PathFor(Path.Combine("data", "images")), Output = output.PathFor("predictions"), Tile = 256, Overlap = 32, Device = training.Device }, progress);

        progress?.Report(new WorkflowProgress("Evaluating", 0, total));
        var evaluationOptions = new EvaluationOptions();
        var evaluation = EvaluationRun.Run(new FolderPairSource(output.PathFor("predictions"), output.PathFor(Path.Combine("data", "labels")), strict: true),
            evaluationOptions, output.PathFor("evaluation"), force: false, (folder, source, images, s) => EvaluationReport.Write(folder, source, images, s, evaluationOptions));
        progress?.Report(new WorkflowProgress("Evaluating", total, total));

        var summary = QuickstartSummary.From(index, run.Metrics[^1], evaluation.Summary);
        Json.Write(output.PathFor("summary.json"), summary);
        AtomicFile.WriteAllText(output.PathFor("summary.md"), summary.ToMarkdown());
        Json.Write(output.PathFor("provenance.json"), new RunProvenance
        {
            CommandLine = options.CommandLine,
            Seed = options.Dataset.Seed,
            Components = VersionReport.Collect().AsComponents(),
            StartedUtc = started,
            FinishedUtc = DateTimeOffset.UtcNow,
        });
        output.Commit();
        string[] files = ["data/", "preview.png", "augmentation.png", "datasheet/", "run/", "learning_curves.html", "predictions/", "evaluation/", "summary.md", "summary.json", "provenance.json"];
        return new QuickstartResult(output.Target, files, index);
    }

    /// <summary>16 of the 113 folds of the first image (spread over the scheme), objects outlined: what training will see.</summary>
    private static void WriteAugmentationPreview(string path, QuickstartOptions options)
    {
        var sample = new SyntheticNucleiGenerator(options.Dataset).Generate(0);
        ImageFile.Write(path, AugmentationPreview.Grid(sample.Image, sample.Labels, AugmentationPreview.Spread(AugmentationScheme.Fold113, 16), columns: 8));
    }

    private static void WritePreview(string path, QuickstartOptions options)
    {
        var generator = new SyntheticNucleiGenerator(options.Dataset);
        int shown = Math.Min(options.PreviewImages, options.Dataset.Count);
        var tiles = Enumerable.Range(0, shown).Select(i =>
        {
            var sample = generator.Generate(i);
            var rgb = DisplayImage.ToRgb8(sample.Image);
            LabelOutlines.Draw(rgb, sample.Labels);
            return rgb;
        }).ToList();
        ImageFile.Write(path, Montage.Grid(tiles, columns: Math.Min(4, shown)));
    }
}

/// <summary>The numbers quickstart reports about the dataset it generated (<c>summary.json</c>).</summary>
/// <param name="Dataset">The dataset id.</param>
/// <param name="Images">Number of images.</param>
/// <param name="Size">Width and height in pixels.</param>
/// <param name="BitDepth">Bits per sample of the images.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Objects">Objects over all images.</param>
/// <param name="ObjectsPerImageMin">Fewest objects in an image.</param>
/// <param name="ObjectsPerImageMedian">Median objects per image.</param>
/// <param name="ObjectsPerImageMax">Most objects in an image.</param>
/// <param name="Training">The last epoch of the U-Net trained on the data.</param>
/// <param name="Dsb2018Score">DSB2018 score of the predictions against the synthetic labels (all images, training and validation).</param>
/// <param name="F1At05">F1 of the one-to-one object matching at IoU 0.5, over all images.</param>
public sealed record QuickstartSummary(string Dataset, int Images, int Size, int BitDepth, ulong Seed, int Objects,
    int ObjectsPerImageMin, double ObjectsPerImageMedian, int ObjectsPerImageMax, EpochMetrics Training, double Dsb2018Score, double F1At05)
{
    /// <summary>Computes the summary from a written dataset's index, the last epoch and the evaluation of the predictions.</summary>
    public static QuickstartSummary From(SyntheticDatasetIndex index, EpochMetrics training, EvaluationSummary evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var counts = index.Samples.Select(s => s.Objects).Order().ToArray();
        double median = counts.Length % 2 == 1 ? counts[counts.Length / 2] : (counts[counts.Length / 2 - 1] + counts[counts.Length / 2]) / 2.0;
        return new QuickstartSummary(index.Dataset, counts.Length, index.Options.Size, (int)index.Options.Depth, index.Options.Seed,
            counts.Sum(), counts[0], median, counts[^1], training, evaluation.Dsb2018Score, evaluation.Matching[EvaluationOptions.TauKey(0.5)].F1);
    }

    /// <summary>The summary as a short Markdown report.</summary>
    public string ToMarkdown()
    {
        var c = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine("# Quickstart summary").AppendLine();
        md.AppendLine(c, $"Generated the embedded `{Dataset}` dataset (seed {Seed}): {Images} images of {Size} x {Size} px, {BitDepth}-bit grey, with exact 16-bit instance labels.").AppendLine();
        md.AppendLine("| measure | value |").AppendLine("|---|---|");
        md.AppendLine(c, $"| images | {Images} |");
        md.AppendLine(c, $"| objects | {Objects} |");
        md.AppendLine(c, $"| objects per image (min / median / max) | {ObjectsPerImageMin} / {ObjectsPerImageMedian} / {ObjectsPerImageMax} |");
        md.AppendLine(c, $"| U-Net after {Training.Epoch} epochs: validation Dice / IoU | {Training.ValidationDice:F3} / {Training.ValidationIou:F3} |");
        md.AppendLine(c, $"| predictions of all {Images} images (training and validation) against the labels: DSB2018 score / F1 at IoU 0.5 | {Dsb2018Score:F3} / {F1At05:F3} |").AppendLine();
        md.AppendLine("Files: `data/images/*.png` (images), `data/labels/*.tif` (labels, 0 = background), `data/synthetic-nuclei.json` (options and SHA-256 of every file), `preview.png` (first images with object outlines), `augmentation.png` (16 of the 113 folds of the first image), `run/` (the training run: config, metrics.csv, checkpoints), `learning_curves.html`, `predictions/` (16-bit label TIFFs and submission.csv for the generated images), `evaluation/` (summary.json, per_image.csv, report.html of the predictions against the labels), `provenance.json` (versions, seed, times).");
        return md.ToString();
    }
}
