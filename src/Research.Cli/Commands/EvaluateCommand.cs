using Spectre.Console;
using System.CommandLine;
using System.Globalization;
using Research.Metrics;
using Research.Metrics.Evaluation;
using Research.Plots;
using Research.Processing.Labels;
using Research.Torch.Workflows;

namespace Research.Cli.Commands;

/// <summary>
/// <c>research evaluate --pred DIR --truth DIR --out DIR</c>: every metric of <see cref="EvaluationSummary"/> over
/// a true label folder (or a manifest dataset's split: <c>--truth-dataset ID --root DIR</c>) matched by file stem with predictions from a label folder (<c>--pred</c>) or a Kaggle RLE
/// submission (<c>--pred-rle</c>).
/// </summary>
public static class EvaluateCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext context)
    {
        var pred = new Option<string>("--pred") { Description = "Folder of predicted label images (PNG/TIFF, 0 = background), matched to --truth by file stem." };
        var predRle = new Option<string>("--pred-rle") { Description = "Predictions as a Kaggle RLE CSV (ImageId,EncodedPixels), ImageIds matched to --truth file stems." };
        var truth = new Option<string>("--truth") { Description = "Folder of true label images (PNG/TIFF)." };
        var truthDataset = new Option<string>("--truth-dataset") { Description = "Take the truth from a manifest dataset's split (e.g. dsb2018 with --root .../stage1_test) instead of --truth." };
        var root = new Option<string>("--root") { Description = "With --truth-dataset: " + DatasetRoots.RootDescription };
        var split = DatasetRoots.SplitOption();
        var outDir = new Option<string>("--out") { Description = "Output folder: summary.json, per_image.csv, report.html.", Required = true };
        var strict = new Option<bool>("--strict") { Description = "Fail when a true image has no prediction (default: report it and count it as empty)." };
        var taus = new Option<double[]>("--tau") { Description = "IoU thresholds of the one-to-one matching (default 0.5 0.75).", AllowMultipleArgumentsPerToken = true };
        var radius = new Option<double>("--radius") { Description = "Centroid detection radius in pixels (default 50).", DefaultValueFactory = _ => CentroidDetection.DefaultRadius };
        var tolerance = new Option<double>("--tolerance") { Description = "Normalised surface Dice tolerance in pixels (default 2).", DefaultValueFactory = _ => BoundaryMetrics.DefaultTolerance };
        var binary = new Option<Connectivity?>("--binary") { Description = "Treat labels as binary masks and split them into connected components: Four or Eight." };
        var noReport = new Option<bool>("--no-report") { Description = "Skip report.html." };
        var force = new Option<bool>("--force") { Description = "Replace the output folder if it exists and is not empty." };
        var resize = new Option<PredictionResize>("--resize-pred") { Description = "none (a prediction of another size than its truth is an error) or nearest (resize it to the truth's size, nearest neighbour at pixel centres).", DefaultValueFactory = _ => PredictionResize.None };
        var pairing = new Option<PredictionPairing>("--pair") { Description = "stem (prediction and truth share a file stem) or sorted (the k-th prediction file, sorted by name, belongs to the k-th true image; --pred only).", DefaultValueFactory = _ => PredictionPairing.Stem };
        var pattern = new Option<string>("--pred-pattern") { Description = "Only the prediction files matching this pattern (* and ? wildcards), e.g. '*_Pred_Binary.png'.", DefaultValueFactory = _ => "*" };
        var json = new Option<bool>("--json") { Description = "Print the summary (what summary.json holds) as JSON instead of the one-line summary." };
        var command = new Command("evaluate", "Evaluate predicted label images against the truth: pixel, DSB2018, matching, CTC, counting, centroid and boundary metrics.")
        {
            pred, predRle, truth, truthDataset, root, split, outDir, strict, taus, radius, tolerance, binary, resize, pairing, pattern, noReport, force, json,
        };
        command.SetAction(parse =>
        {
            var options = new EvaluationOptions
            {
                Taus = parse.GetValue(taus) is { Length: > 0 } t ? t : [0.5, 0.75],
                CentroidRadius = parse.GetValue(radius),
                BoundaryTolerance = parse.GetValue(tolerance),
                BinaryComponents = parse.GetValue(binary),
                ResizePredictions = parse.GetValue(resize),
            };
            options.Validate();
            string? predFolder = parse.GetValue(pred), predFile = parse.GetValue(predRle);
            if ((predFolder is null) == (predFile is null)) throw new InputException("Give exactly one of --pred DIR (label images) or --pred-rle FILE (Kaggle RLE CSV).");
            string? splitRoot = parse.GetValue(truthDataset) is { } ds
                ? DatasetRoots.SplitFolder(context, ds, parse.GetValue(root), parse.GetValue(split), annotatedOnly: true)
                : null;
            IPredictionSet predictions = Predictions(parse, predFolder, predFile, pairing, pattern, truth, truthDataset, splitRoot);
            var (source, missing, unmatched) = Source(parse, predictions, truth, truthDataset, splitRoot, strict);
            foreach (string id in missing) context.Error.WriteLine($"research: warning: no prediction for '{id}'; counted as an empty prediction (--strict makes this an error).");
            foreach (string id in unmatched) context.Error.WriteLine($"research: warning: prediction '{id}' has no true image; ignored.");
            var result = ProgressBars.Run(context, parse.GetValue(CliApp.Quiet), progress => EvaluationRun.Run(source, options, parse.GetValue(outDir)!, parse.GetValue(force),
                parse.GetValue(noReport) ? null : (folder, src, images, summary) => EvaluationReport.Write(folder, src, images, summary, options),
                progress is null ? null : new Progress<int>(done => progress.Report(new WorkflowProgress("Evaluating", done, done))), context.CommandLine));
            var s = result.Summary;
            string tau = EvaluationOptions.TauKey(options.Taus[0]);
            string wrote = $"Wrote {result.Folder}: summary.json, per_image.csv, provenance.json{(parse.GetValue(noReport) ? "" : ", report.html")}";
            if (parse.GetValue(json))
            {
                context.Console.Profile.Out.Writer.WriteLine(Research.IO.Json.Serialize(s));
                if (s.PredictionResize is { } resized) context.Error.WriteLine($"Predictions resized to the truth's size (nearest neighbour): {resized.ResizedImages} of {resized.Images}.");
                context.Error.WriteLine(wrote);
                return ExitCodes.Ok;
            }
            context.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{s.Images} images: DSB2018 {s.Dsb2018Score:F4}, pixel IoU {s.Pixel.Iou:F4}, F1@{tau} {s.Matching[tau].F1:F4}, SEG {s.Ctc.Seg:F4}, DET {s.Ctc.Det:F4}"));
            context.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Pixel IoU {s.Pixel.Iou:F4} (micro), {s.PixelMacro.Iou:F4} (mean of images); Dice {s.Pixel.Dice:F4} (micro), {s.PixelMacro.Dice:F4} (mean); smoothed (s = 1) IoU {s.PixelSmoothed.IouMean:F4}, Dice {s.PixelSmoothed.DiceMean:F4} (mean of images)"));
            if (s.PredictionResize is { } r) context.Console.WriteLine($"Predictions resized to the truth's size (nearest neighbour): {r.ResizedImages} of {r.Images}.");
            context.Console.WriteLine(wrote);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static IPredictionSet Predictions(ParseResult parse, string? folder, string? rle, Option<PredictionPairing> pairing, Option<string> pattern,
        Option<string> truth, Option<string> truthDataset, string? splitRoot)
    {
        string glob = parse.GetValue(pattern) ?? "*";
        if (parse.GetValue(pairing) == PredictionPairing.Stem)
        {
            if (rle is not null) return new RlePredictions(rle);
            return glob == "*" ? new FolderPredictions(folder!) : new FolderPredictions(folder!, glob);
        }
        if (folder is null) throw new InputException("--pair sorted pairs the files of a --pred folder; an RLE file's ImageIds are matched by name.");
        string? truthFolder = parse.GetValue(truth), dataset = parse.GetValue(truthDataset);
        IReadOnlyList<string> ids = truthFolder is not null
            ? [.. LabelFolder.Index(truthFolder, "--truth").Keys]
            : dataset is not null && splitRoot is not null
                ? DatasetPairSource.TruthIds(Research.Datasets.Manifests.ManifestRegistry.Load().Get(dataset), splitRoot)
                : throw new InputException("Give exactly one of --truth DIR (label images) or --truth-dataset ID --root DIR (a manifest dataset's split).");
        return new OrderedPredictions(folder, glob, ids);
    }

    private static (ILabelPairSource Source, IReadOnlyList<string> Missing, IReadOnlyList<string> Unmatched) Source(ParseResult parse, IPredictionSet predictions,
        Option<string> truth, Option<string> truthDataset, string? splitRoot, Option<bool> strict)
    {
        string? folder = parse.GetValue(truth), dataset = parse.GetValue(truthDataset);
        if ((folder is null) == (dataset is null)) throw new InputException("Give exactly one of --truth DIR (label images) or --truth-dataset ID --root DIR (a manifest dataset's split).");
        if (folder is not null)
        {
            var fromFolder = new FolderPairSource(predictions, folder, parse.GetValue(strict));
            return (fromFolder, fromFolder.Missing, fromFolder.Unmatched);
        }
        if (splitRoot is null) throw new InputException($"--truth-dataset {dataset} needs --root DIR, the dataset's root (e.g. .../dsb2018 with --split stage1_test).");
        var manifest = Research.Datasets.Manifests.ManifestRegistry.Load().Get(dataset!);
        var fromDataset = new DatasetPairSource(predictions, manifest, splitRoot, parse.GetValue(strict));
        return (fromDataset, fromDataset.Missing, fromDataset.Unmatched);
    }
}
