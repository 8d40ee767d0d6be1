using System.CommandLine;
using Research.Torch.Inference;
using Research.Torch.Runtime;
using Spectre.Console;

namespace Research.Cli.Commands;

/// <summary><c>research predict</c>: instance labels and a Kaggle submission from a trained run.</summary>
public static class PredictCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext context)
    {
        var run = new Option<string>("--run") { Description = "The training run folder (its checkpoints/best is used).", Required = true };
        var input = new Option<string?>("--input") { Description = "An image file or a flat folder of images (PNG, TIFF, JPEG, BMP)." };
        var dataset = new Option<string?>("--dataset") { Description = "Predict a manifest dataset's split instead of --input (e.g. dsb2018 with --root .../stage1_test); outputs are named by sample id." };
        var root = new Option<string?>("--root") { Description = "With --dataset: " + DatasetRoots.RootDescription };
        var split = DatasetRoots.SplitOption();
        var output = new Option<string>("--out") { Description = "Output folder: <image>.tif (16-bit labels) and submission.csv.", Required = true };
        var tile = new Option<int>("--tile") { Description = "Tile side in pixels (default 512).", DefaultValueFactory = _ => 512 };
        var overlap = new Option<int>("--overlap") { Description = "Tile overlap in pixels, blended (default 64).", DefaultValueFactory = _ => 64 };
        var tta = new Option<bool>("--tta") { Description = "Average the 8 D4 transforms (test-time augmentation)." };
        var device = new Option<DevicePreference>("--device") { Description = "auto, cpu or cuda (default auto).", DefaultValueFactory = _ => DevicePreference.Auto };
        var defaults = new Research.Processing.Labels.InstanceSeparationOptions();
        var threshold = new Option<double>("--threshold") { Description = $"Foreground probability threshold (default {defaults.Threshold}, or the tuned value).", DefaultValueFactory = _ => defaults.Threshold };
        var minArea = new Option<int>("--min-area") { Description = $"Remove objects smaller than this many pixels (default {defaults.MinObjectArea}).", DefaultValueFactory = _ => defaults.MinObjectArea };
        var peakRadius = new Option<int>("--peak-radius") { Description = $"Half-width of the window in which a distance peak must be the maximum (default {defaults.PeakRadius}); larger splits fewer objects.", DefaultValueFactory = _ => defaults.PeakRadius };
        var minPeak = new Option<double>("--min-peak-distance") { Description = $"Peaks closer than this to the background do not seed objects (default {defaults.MinPeakDistance}, or the tuned value).", DefaultValueFactory = _ => defaults.MinPeakDistance };
        var interior = new Option<double>("--interior-threshold") { Description = $"3-class models: interior probability above which pixels seed objects (default {defaults.InteriorThreshold}, or the tuned value).", DefaultValueFactory = _ => defaults.InteriorThreshold };
        var minMarker = new Option<int>("--min-marker-area") { Description = $"3-class models: interior regions smaller than this many pixels seed no object (default {defaults.MinMarkerArea}).", DefaultValueFactory = _ => defaults.MinMarkerArea };
        var score = new Option<double>("--score-threshold") { Description = "mask-rcnn: detections scoring below this are left out (default 0.5, or the tuned value).", DefaultValueFactory = _ => 0.5 };
        var maskThreshold = new Option<double>("--mask-threshold") { Description = "mask-rcnn: a detection's mask is its probabilities above this (default 0.5, or the tuned value).", DefaultValueFactory = _ => 0.5 };
        var untuned = new Option<bool>("--untuned") { Description = $"Ignore RUN/{TunedPostProcessing.FileName} (written by 'research tune') and start from the defaults." };
        var command = new Command("predict", "Predict instance labels (16-bit TIFF per image) and a Kaggle submission.csv with a trained run.")
        {
            run, input, dataset, root, split, output, tile, overlap, tta, device, threshold, minArea, peakRadius, minPeak, interior, minMarker, score, maskThreshold, untuned,
        };
        command.SetAction(parse =>
        {
            string runFolder = parse.GetValue(run)!;
            bool detector = TrainCommand.IsDetectorRun(runFolder);
            TrainCommand.OnlyWhereTheyApply(parse, detector, [threshold, peakRadius, minPeak, interior, minMarker, tta], [score, maskThreshold]);
            var tuned = parse.GetValue(untuned) ? null : TunedPostProcessing.Read(runFolder);
            var separation = tuned?.Settings ?? defaults;
            string source = tuned is null ? "defaults" : Path.Combine(runFolder, TunedPostProcessing.FileName);
            bool explicitSetting = false;
            T Pick<T>(Option<T> option, T current)
            {
                if (parse.GetResult(option) is not { Implicit: false }) return current;
                explicitSetting = true;
                return parse.GetValue(option)!;
            }
            separation = separation with
            {
                Threshold = Pick(threshold, separation.Threshold),
                MinObjectArea = Pick(minArea, separation.MinObjectArea),
                PeakRadius = Pick(peakRadius, separation.PeakRadius),
                MinPeakDistance = Pick(minPeak, separation.MinPeakDistance),
                InteriorThreshold = Pick(interior, separation.InteriorThreshold),
                MinMarkerArea = Pick(minMarker, separation.MinMarkerArea),
            };
            bool detections = tuned?.SecondSetting == TunedPostProcessing.MaskThreshold;
            double scoreThreshold = Pick(score, detections ? tuned!.Chosen.Threshold : 0.5);
            double maskValue = Pick(maskThreshold, detections ? tuned!.Chosen.Second : 0.5);
            if (tuned is not null)
            {
                context.Console.WriteLine($"Post-processing tuned on the run's validation images: {source}{(explicitSetting ? " (options given here take precedence)" : "")}.");
                if (tuned.TestTimeAugmentation != parse.GetValue(tta))
                {
                    context.Console.WriteLine(tuned.TestTimeAugmentation
                        ? "Note: the settings were tuned on test-time-augmented maps; predict with --tta, or tune again without it."
                        : "Note: the settings were tuned without test-time augmentation; run 'research tune --tta' to tune for --tta.");
                }
            }
            var options = new PredictOptions
            {
                RunFolder = runFolder,
                Input = parse.GetValue(input),
                Dataset = parse.GetValue(dataset),
                DatasetRoot = parse.GetValue(input) is null ? DatasetRoots.SplitFolder(context, parse.GetValue(dataset), parse.GetValue(root), parse.GetValue(split), annotatedOnly: false) : parse.GetValue(root),
                Output = parse.GetValue(output)!,
                Tile = parse.GetValue(tile),
                Overlap = parse.GetValue(overlap),
                TestTimeAugmentation = parse.GetValue(tta),
                Device = parse.GetValue(device),
                Separation = separation,
                ScoreThreshold = scoreThreshold,
                MaskThreshold = maskValue,
                SeparationSource = explicitSetting ? $"{source} + command line" : source,
            };
            var result = ProgressBars.Run(context, parse.GetValue(CliApp.Quiet), progress => Prediction.Run(options, progress, context.Log, context.CommandLine));
            context.Console.WriteLine($"Predicted {result.Images} image(s), {result.Objects} objects: {result.OutputFolder}/submission.csv");
            return ExitCodes.Ok;
        });
        return command;
    }
}
