using System.CommandLine;
using System.Globalization;
using Research.Torch.Inference;
using Research.Torch.Runtime;

namespace Research.Cli.Commands;

/// <summary><c>research tune</c>: chooses post-processing settings on a run's validation images.</summary>
public static class TuneCommand
{
    private static readonly TuneOptions Defaults = new() { RunFolder = "" };

    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext context)
    {
        static string List(IEnumerable<double> values) => string.Join(' ', values.Select(v => v.ToString(CultureInfo.InvariantCulture)));
        var run = new Option<string>("--run") { Description = "The training run folder (its checkpoints/best, config.json and split.json).", Required = true };
        var root = new Option<string?>("--root") { Description = "The dataset's root, if it has moved since training (default: the run's config.json); the training split is found under it. A split's own folder is accepted with a note." };
        var thresholds = new Option<double[]>("--thresholds") { Description = $"Foreground thresholds to try (default {List(Defaults.Thresholds)}).", AllowMultipleArgumentsPerToken = true };
        var interior = new Option<double[]>("--interior-thresholds") { Description = $"3-class models: interior thresholds to try (default {List(Defaults.InteriorThresholds)}).", AllowMultipleArgumentsPerToken = true };
        var peaks = new Option<double[]>("--min-peak-distances") { Description = $"One-logit models: minimum peak distances to try (default {List(Defaults.MinPeakDistances)}).", AllowMultipleArgumentsPerToken = true };
        var scores = new Option<double[]>("--score-thresholds") { Description = $"mask-rcnn: detection score thresholds to try (default {List(Defaults.ScoreThresholds)}).", AllowMultipleArgumentsPerToken = true };
        var masks = new Option<double[]>("--mask-thresholds") { Description = $"mask-rcnn: mask probability thresholds to try (default {List(Defaults.MaskThresholds)}).", AllowMultipleArgumentsPerToken = true };
        var tile = new Option<int>("--tile") { Description = "Tile side in pixels (default 512).", DefaultValueFactory = _ => 512 };
        var overlap = new Option<int>("--overlap") { Description = "Tile overlap in pixels (default 64).", DefaultValueFactory = _ => 64 };
        var tta = new Option<bool>("--tta") { Description = "Tune on D4 test-time-augmented predictions (use it if you will predict with --tta)." };
        var device = new Option<DevicePreference>("--device") { Description = "auto, cpu or cuda (default auto).", DefaultValueFactory = _ => DevicePreference.Auto };
        var json = new Option<bool>("--json") { Description = $"Print the result (what RUN/{TunedPostProcessing.FileName} records, every candidate) as JSON instead of the table." };
        var command = new Command("tune", $"Choose post-processing settings on the run's own validation images by the DSB2018 score; writes RUN/{TunedPostProcessing.FileName}, which predict then uses.")
        {
            run, root, thresholds, interior, peaks, scores, masks, tile, overlap, tta, device, json,
        };
        command.SetAction(parse =>
        {
            bool detector = TrainCommand.IsDetectorRun(parse.GetValue(run)!);
            TrainCommand.OnlyWhereTheyApply(parse, detector, [thresholds, interior, peaks, tta], [scores, masks]);
            var options = new TuneOptions
            {
                RunFolder = parse.GetValue(run)!,
                DatasetRoot = MovedRoot(context, parse.GetValue(run)!, parse.GetValue(root)),
                Thresholds = parse.GetValue(thresholds) is { Length: > 0 } t ? t : Defaults.Thresholds,
                InteriorThresholds = parse.GetValue(interior) is { Length: > 0 } i ? i : Defaults.InteriorThresholds,
                MinPeakDistances = parse.GetValue(peaks) is { Length: > 0 } p ? p : Defaults.MinPeakDistances,
                ScoreThresholds = parse.GetValue(scores) is { Length: > 0 } sc ? sc : Defaults.ScoreThresholds,
                MaskThresholds = parse.GetValue(masks) is { Length: > 0 } m ? m : Defaults.MaskThresholds,
                Tile = parse.GetValue(tile),
                Overlap = parse.GetValue(overlap),
                TestTimeAugmentation = parse.GetValue(tta),
                Device = parse.GetValue(device),
            };
            var result = ProgressBars.Run(context, parse.GetValue(CliApp.Quiet), progress => PostProcessingTuning.Run(options, progress, context.Log, context.CommandLine));
            string second = result.SecondSetting.Replace('_', ' ');
            string first = result.SecondSetting == TunedPostProcessing.MaskThreshold ? "score threshold" : "threshold";
            string chosen = FormattableString.Invariant(
                $"Chosen: {first} {F(result.Chosen.Threshold)}, {second} {F(result.Chosen.Second)}: {result.Chosen.Score:F4} on {result.ValidationImages} validation images (defaults {result.DefaultScore:F4}). Written: {Path.Combine(options.RunFolder, TunedPostProcessing.FileName)}");
            if (parse.GetValue(json))
            {
                context.Console.Profile.Out.Writer.WriteLine(Research.IO.Json.Serialize(result));
                context.Error.WriteLine(chosen);
                return ExitCodes.Ok;
            }
            var table = new TableOutput(first, second, "DSB2018 score").AlignRight("DSB2018 score");
            foreach (var c in result.Candidates.OrderByDescending(c => c.Score).Take(5))
                table.Add(new Cell(c.Threshold), new Cell(c.Second), new Cell(c.Score, c.Score.ToString("F4", CultureInfo.InvariantCulture)));
            table.Write(context, json: false, footer: chosen);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string F(double v) => v.ToString(CultureInfo.InvariantCulture);

    /// <summary>The training split's folder under a moved dataset root: the split whose folder name the run recorded.</summary>
    private static string? MovedRoot(CliContext context, string run, string? root)
    {
        if (root is null) return null;
        var config = Research.Torch.Training.TrainingRun.ReadConfig(run);
        if (config.DatasetRoot is null) return root;
        var manifest = Research.Datasets.Manifests.ManifestRegistry.Load().Get(config.Dataset);
        string recorded = Path.GetFileName(Path.TrimEndingDirectorySeparator(config.DatasetRoot));
        string? split = manifest.Splits.FirstOrDefault(s => s.Folder.Replace('\\', '/').TrimEnd('/').Split('/')[^1] == recorded)?.Name;
        return DatasetRoots.SplitFolder(context, config.Dataset, root, split, annotatedOnly: true);
    }
}
