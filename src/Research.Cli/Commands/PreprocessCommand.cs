using System.CommandLine;
using Research.Processing;
using Research.Processing.Pipeline;
using Spectre.Console;

namespace Research.Cli.Commands;

/// <summary><c>research preprocess</c>: applies a preprocessing pipeline (options or a JSON file) to an image or a folder.</summary>
public static class PreprocessCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext context)
    {
        var input = new Option<string>("--input") { Description = "An image file or a folder of images.", Required = true };
        var outDir = new Option<string>("--out") { Description = "Output folder: processed images (float results as .tif) and pipeline.json.", Required = true };
        var pipelineFile = new Option<string?>("--pipeline") { Description = "A pipeline JSON file {\"steps\": [...]}; steps: grey, resize, clahe, gamma, normalize, pad. Not combined with the step options." };
        var grey = new Option<bool>("--grey") { Description = "Convert to grey first." };
        var size = new Option<int?>("--resize") { Description = "Resize to N x N px (presets 128, 256, 512)." };
        var scale = new Option<double?>("--scale") { Description = "Resize by this factor instead." };
        var interpolation = new Option<ResizeInterpolation>("--interpolation") { Description = "nearest (masks, labels), linear or area (default linear).", DefaultValueFactory = _ => ResizeInterpolation.Linear };
        var clahe = new Option<double?>("--clahe") { Description = "CLAHE with this clip limit (OpenCV semantics)." };
        var tiles = new Option<int>("--tiles") { Description = "CLAHE tile grid N x N (default 8).", DefaultValueFactory = _ => 8 };
        var gamma = new Option<double?>("--gamma") { Description = "Gamma correction exponent." };
        var normalize = new Option<NormalizationMethod?>("--normalize") { Description = "Normalise to float: minmax, zscore or percentile (0.5-99.5)." };
        var padMultiple = new Option<int?>("--pad-multiple") { Description = "Pad bottom and right up to a multiple of N px (a model's stride), last." };
        var padMode = new Option<PaddingMode>("--pad-mode") { Description = "constant (0), reflect or edge (default reflect).", DefaultValueFactory = _ => PaddingMode.Reflect };
        var masks = new Option<string?>("--masks") { Description = "A folder of masks or label images matched by file stem: they get the geometric steps (resize with nearest, pad) and go to OUT/masks/." };
        var tile = new Option<int>("--tile") { Description = "Cut every result (and mask) into N x N tiles, named <stem>_yYYYY_xXXXX, indexed in OUT/tiles.csv." };
        var stride = new Option<int>("--stride") { Description = "Distance between tiles (default: the tile side, no overlap)." };
        var force = new Option<bool>("--force") { Description = "Replace the output folder if it exists and is not empty." };
        var command = new Command("preprocess", "Apply a preprocessing pipeline (grey, resize, CLAHE, gamma, normalisation, padding) to an image or a folder of images, with their masks, optionally as tiles.")
        {
            input, outDir, pipelineFile, grey, size, scale, interpolation, clahe, tiles, gamma, normalize, padMultiple, padMode, masks, tile, stride, force,
        };
        command.SetAction(parse =>
        {
            PreprocessPipeline pipeline;
            string? file = parse.GetValue(pipelineFile);
            if (file is not null)
            {
                if (!File.Exists(file)) throw new InputException($"{file}: pipeline file not found.");
                pipeline = PreprocessPipeline.FromJson(File.ReadAllText(file), file);
            }
            else
            {
                var steps = new List<IPreprocessStep>();
                if (parse.GetValue(grey)) steps.Add(new GreyStep());
                if (parse.GetValue(size) is int n) steps.Add(new ResizeStep { Width = n, Height = n, Interpolation = parse.GetValue(interpolation) });
                else if (parse.GetValue(scale) is double s) steps.Add(new ResizeStep { Width = 0, Height = 0, Scale = s, Interpolation = parse.GetValue(interpolation) });
                if (parse.GetValue(clahe) is double clip) steps.Add(new ClaheStep { ClipLimit = clip, TilesX = parse.GetValue(tiles), TilesY = parse.GetValue(tiles) });
                if (parse.GetValue(gamma) is double g) steps.Add(new GammaStep { Gamma = g });
                if (parse.GetValue(normalize) is NormalizationMethod m) steps.Add(new NormalizeStep { Method = m });
                if (parse.GetValue(padMultiple) is int multiple) steps.Add(new PadStep { Multiple = multiple, Mode = parse.GetValue(padMode) });
                if (steps.Count == 0 && parse.GetValue(tile) == 0)
                    throw new InputException("No steps: give --pipeline FILE or at least one of --grey, --resize, --scale, --clahe, --gamma, --normalize, --pad-multiple (or --tile alone).");
                pipeline = new PreprocessPipeline(steps);
            }
            var runOptions = new PreprocessRunOptions { Masks = parse.GetValue(masks), Tile = parse.GetValue(tile), Stride = parse.GetValue(stride) };
            var written = PreprocessRun.Run(pipeline, parse.GetValue(input)!, parse.GetValue(outDir)!, parse.GetValue(force), null, runOptions);
            int maskCount = written.Count(f => f.StartsWith("masks/", StringComparison.Ordinal));
            int imageCount = written.Count(f => !f.StartsWith("masks/", StringComparison.Ordinal) && f is not ("pipeline.json" or PreprocessRun.TilesFile));
            context.Console.WriteLine($"Wrote {imageCount} images{(maskCount > 0 ? $", {maskCount} masks" : "")}{(runOptions.Tile > 0 ? ", tiles.csv" : "")} and pipeline.json to {Path.GetFullPath(parse.GetValue(outDir)!)}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
