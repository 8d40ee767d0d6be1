using System.CommandLine;
using System.Globalization;
using Research.Torch.Sam;
using Research.Torch.Sam.FineTuning;
using Spectre.Console;

namespace Research.Cli.Commands;

/// <summary>
/// <c>research sam</c>: Segment Anything masks for prompts on one image (<c>predict</c>), box-prompted evaluation of a
/// dataset (<c>evaluate</c>), decoder fine-tuning (<c>finetune</c>) and random official-format weights (<c>init</c>).
/// </summary>
public static class SamCommand
{
    /// <summary>Creates the command group.</summary>
    public static Command Create(CliContext context)
    {
        var sam = new Command("sam", "Segment Anything: masks from box and point prompts with official checkpoints (SAM vit-b, vit-l, vit-h; MobileSAM vit-t), decoder fine-tuning and box-prompted evaluation.");
        sam.Subcommands.Add(CreatePredict(context));
        sam.Subcommands.Add(CreateEvaluate(context));
        sam.Subcommands.Add(CreateFinetune(context));
        sam.Subcommands.Add(CreateInit(context));
        return sam;
    }

    private static Command CreatePredict(CliContext context)
    {
        var weights = WeightsOption();
        var variant = VariantOption();
        var run = RunOption();
        var image = new Option<string>("--image") { Description = "The image (grey or RGB, alpha dropped; 16-bit and float images are stretched from their 0.5th-99.5th percentiles to 0-255).", Required = true };
        var boxes = new Option<string?>("--boxes") { Description = "Box prompts in image pixels, \"x0,y0,x1,y1;x0,y0,x1,y1\": one mask per box." };
        var points = new Option<string?>("--points") { Description = "Point prompts \"x,y[,label];...\" (label 1 object, default; 0 background): one prompt, joined to the box when there is one." };
        var boxesFrom = new Option<string?>("--boxes-from") { Description = "A label image of the same image (truth or another model's prediction): one box prompt per object (instead of --boxes/--points)." };
        var multimask = new Option<bool>("--multimask") { Description = "Let the decoder propose three masks per prompt and keep the one of highest predicted IoU (recommended for single points)." };
        var output = new Option<string>("--out") { Description = "Output folder (built as a whole; its parent must exist).", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace a non-empty output folder." };
        var command = new Command("predict", "Masks for box and point prompts on one image: OUT/STEM_k.png (0/255 at the image's size), OUT/STEM_k_logits.tif (float32 low-resolution logits), OUT/labels/STEM.tif (all masks as 16-bit instance labels, for 'research evaluate --pred OUT/labels'), OUT/predictions.json, OUT/provenance.json.")
        {
            weights, variant, run, image, boxes, points, boxesFrom, multimask, output, force,
        };
        command.SetAction(parse =>
        {
            string? runFolder = parse.GetValue(run);
            var results = runFolder is not null
                ? SamImagePrediction.RunFineTuned(runFolder, parse.GetValue(weights), parse.GetValue(image)!, parse.GetValue(boxes),
                    parse.GetValue(points), parse.GetValue(boxesFrom), parse.GetValue(multimask), parse.GetValue(output)!, parse.GetValue(force), context.CommandLine)
                : SamImagePrediction.Run(Required(parse.GetValue(weights), "--weights"), Required(parse.GetValue(variant), "--variant"), parse.GetValue(image)!, parse.GetValue(boxes),
                    parse.GetValue(points), parse.GetValue(boxesFrom), parse.GetValue(multimask), parse.GetValue(output)!, parse.GetValue(force), context.CommandLine);
            foreach (var r in results)
                context.Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Image}_{r.Index}.png: {r.Area} pixels, predicted IoU {r.IouPrediction:F3}"));
            context.Console.WriteLine($"Wrote {results.Count} mask(s) to {parse.GetValue(output)}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Option<string?> WeightsOption() => new("--weights")
    {
        Description = "Checkpoint (.pth, torch.save zip format), e.g. sam_vit_b_01ec64.pth from 'research models fetch sam-vit-b'. With --run: only when the run's base checkpoint has moved (same SHA-256).",
    };

    private static Option<string?> VariantOption() => new("--variant") { Description = "vit-b, vit-l, vit-h (SAM) or vit-t (MobileSAM): the checkpoint's (not with --run: the run knows it)." };

    private static Option<string?> RunOption() => new("--run") { Description = "A 'research sam finetune' run folder: its base checkpoint with the fine-tuned decoder of checkpoints/best (instead of --weights/--variant)." };

    private static string Required(string? value, string option, string hint = " (or give --run RUN, a fine-tuning run)") =>
        value ?? throw new InputException($"{option} is required{hint}.");

    private static Command CreateEvaluate(CliContext context)
    {
        var weights = WeightsOption();
        var variant = VariantOption();
        var run = RunOption();
        var dataset = new Option<string>("--dataset") { Description = "A manifest dataset with instance truth, e.g. ctc-fluo-n2dh-gowt1 or synthetic-timelapse.", Required = true };
        var root = new Option<string>("--root") { Description = DatasetRoots.RootDescription, Required = true };
        var split = DatasetRoots.SplitOption();
        var include = new Option<string?>("--include") { Description = "Only samples whose id matches this pattern (* and ?), e.g. '02/*' for CTC sequence 02." };
        var cache = new Option<string?>("--cache") { Description = "Embedding cache folder (default: the run's embeddings/ with --run, none otherwise)." };
        var output = new Option<string>("--out") { Description = "Output folder (built as a whole): labels/ID.tif, per_image.csv, summary.json, provenance.json.", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace a non-empty output folder." };
        var command = new Command("evaluate", "Segment every annotated frame with one box prompt per true object (its exact box) and measure it as 'research evaluate' does (CTC SEG and DET, DSB2018 score, ...).")
        {
            weights, variant, run, dataset, root, split, include, cache, output, force,
        };
        command.SetAction(parse =>
        {
            string? runFolder = parse.GetValue(run);
            string ds = parse.GetValue(dataset)!;
            string splitRoot = DatasetRoots.SplitFolder(context, ds, parse.GetValue(root), parse.GetValue(split), annotatedOnly: true)!;
            Func<SamModel> load;
            string weightsPath, variantName;
            string? cacheFolder = parse.GetValue(cache);
            if (runFolder is not null)
            {
                var options = SamFineTuneRun.ReadConfig(runFolder);
                weightsPath = parse.GetValue(weights) ?? options.Weights;
                variantName = options.Variant;
                cacheFolder ??= options.Cache ?? Path.Combine(runFolder, "embeddings");
                load = () => SamFineTuneRun.LoadModel(runFolder, parse.GetValue(weights));
            }
            else
            {
                weightsPath = Required(parse.GetValue(weights), "--weights");
                variantName = Required(parse.GetValue(variant), "--variant");
                var config = SamConfig.FromOption(variantName);
                load = () => SamCheckpoint.Create(config, weightsPath);
            }
            var result = ProgressBars.Run(context, parse.GetValue(CliApp.Quiet), progress => SamEvaluationRun.Run(load, weightsPath, variantName, runFolder, ds, splitRoot,
                parse.GetValue(include), cacheFolder, parse.GetValue(output)!, parse.GetValue(force), progress, context.CommandLine));
            var s = result.Summary;
            context.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{result.Frames}: SEG {s.Ctc.Seg:F4}, DET {s.Ctc.Det:F4}, DSB2018 score {s.Dsb2018Score:F4}"));
            context.Console.WriteLine($"Wrote {result.Folder}: labels/, per_image.csv, summary.json, provenance.json");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateFinetune(CliContext context)
    {
        var defaults = new SamFineTuneOptions { Weights = "", Variant = "vit-b", Dataset = "", Root = "" };
        var weights = new Option<string?>("--weights") { Description = "The base checkpoint (.pth), e.g. sam_vit_b_01ec64.pth; 'research sam init' makes random ones for trying the pipeline. With --resume: only when the run's base checkpoint has moved (same SHA-256)." };
        var variant = new Option<string?>("--variant") { Description = "vit-b, vit-l, vit-h (SAM) or vit-t (MobileSAM): the checkpoint's." };
        var dataset = new Option<string?>("--dataset") { Description = "A manifest dataset with instance truth (any instance layout; CTC gold or silver segmentation), e.g. ctc-fluo-n2dh-gowt1, synthetic-timelapse, dsb2018." };
        var root = new Option<string?>("--root") { Description = DatasetRoots.RootDescription };
        var split = DatasetRoots.SplitOption();
        var include = new Option<string?>("--include") { Description = "Only samples whose id matches this pattern (* and ?), e.g. '01/*' to train on CTC sequence 01." };
        var output = new Option<string>("--out") { Description = "The run folder.", Required = true };
        var epochs = new Option<int>("--epochs") { Description = $"Epochs (default {defaults.Epochs}).", DefaultValueFactory = _ => defaults.Epochs };
        var lr = new Option<double>("--lr") { Description = $"AdamW learning rate (default {defaults.LearningRate.ToString(CultureInfo.InvariantCulture)}).", DefaultValueFactory = _ => defaults.LearningRate };
        var decay = new Option<double>("--weight-decay") { Description = $"AdamW weight decay (default {defaults.WeightDecay.ToString(CultureInfo.InvariantCulture)}).", DefaultValueFactory = _ => defaults.WeightDecay };
        var perStep = new Option<int>("--images-per-step") { Description = $"Frames averaged into one optimiser step (default {defaults.ImagesPerStep}).", DefaultValueFactory = _ => defaults.ImagesPerStep };
        var prompts = new Option<int>("--prompts") { Description = $"Objects (box prompts) drawn per frame and step (default {defaults.PromptsPerImage}).", DefaultValueFactory = _ => defaults.PromptsPerImage };
        var jitter = new Option<double>("--box-jitter") { Description = $"Box jitter: Gaussian noise of this fraction of the box side per coordinate (default {defaults.BoxJitter.ToString(CultureInfo.InvariantCulture)}, as SAM).", DefaultValueFactory = _ => defaults.BoxJitter };
        var jitterMax = new Option<double>("--box-jitter-max") { Description = $"Largest jitter in pixels (default {defaults.BoxJitterMax.ToString(CultureInfo.InvariantCulture)}, as SAM).", DefaultValueFactory = _ => defaults.BoxJitterMax };
        var loss = new Option<string>("--loss") { Description = "dice-bce (Dice + BCE, as MedSAM) or focal-dice (20 focal + Dice, as SAM) (default dice-bce).", DefaultValueFactory = _ => defaults.Loss };
        var iouWeight = new Option<double>("--iou-weight") { Description = "Weight of the IoU head's squared error (default 1).", DefaultValueFactory = _ => defaults.IouLossWeight };
        var valFraction = new Option<double>("--val-fraction") { Description = $"Fraction of the frames held out for validation SEG/DET each epoch (default {defaults.ValidationFraction.ToString(CultureInfo.InvariantCulture)}).", DefaultValueFactory = _ => defaults.ValidationFraction };
        var seed = new Option<ulong>("--seed") { Description = $"Seed of the split, frame order, prompts and jitter (default {defaults.Seed}).", DefaultValueFactory = _ => defaults.Seed };
        var cache = new Option<string?>("--cache") { Description = "Embedding cache folder, shareable between runs (default RUN/embeddings)." };
        var threads = new Option<int>("--threads") { Description = "libtorch threads (default 0 = libtorch's choice).", DefaultValueFactory = _ => 0 };
        var resume = new Option<bool>("--resume") { Description = "Continue the run in --out from checkpoints/last (its config.json; --epochs may extend it)." };
        var command = new Command("finetune", "Fine-tune the mask decoder (image and prompt encoders frozen) on instance truth, with cached image embeddings: RUN/config.json, metrics.csv (epoch 0 = the base model), checkpoints/last and best (decoder only, with the base checkpoint's SHA-256), provenance.json.")
        {
            weights, variant, dataset, root, split, include, output, epochs, lr, decay, perStep, prompts, jitter, jitterMax, loss, iouWeight, valFraction, seed, cache, threads, resume,
        };
        command.SetAction(parse =>
        {
            string run = parse.GetValue(output)!;
            var result = ProgressBars.Run(context, parse.GetValue(CliApp.Quiet), shown =>
            {
                var progress = HaltForTests.Wrap(shown, context.Error);
                if (parse.GetValue(resume))
                {
                    int? more = parse.GetResult(epochs) is { Implicit: false } ? parse.GetValue(epochs) : null;
                    return SamFineTuneRun.Resume(run, more, progress, context.Log, context.CommandLine, parse.GetValue(weights));
                }
                string ds = Required(parse.GetValue(dataset), "--dataset", " (or --resume to continue the run in --out)");
                var options = new SamFineTuneOptions
                {
                    Weights = Required(parse.GetValue(weights), "--weights", " (or --resume to continue the run in --out)"),
                    Variant = Required(parse.GetValue(variant), "--variant", " (or --resume to continue the run in --out)"),
                    Dataset = ds,
                    Root = DatasetRoots.SplitFolder(context, ds, Required(parse.GetValue(root), "--root", " (or --resume to continue the run in --out)"), parse.GetValue(split), annotatedOnly: true)!,
                    Include = parse.GetValue(include),
                    Epochs = parse.GetValue(epochs),
                    LearningRate = parse.GetValue(lr),
                    WeightDecay = parse.GetValue(decay),
                    ImagesPerStep = parse.GetValue(perStep),
                    PromptsPerImage = parse.GetValue(prompts),
                    BoxJitter = parse.GetValue(jitter),
                    BoxJitterMax = parse.GetValue(jitterMax),
                    Loss = parse.GetValue(loss)!,
                    IouLossWeight = parse.GetValue(iouWeight),
                    ValidationFraction = parse.GetValue(valFraction),
                    Seed = parse.GetValue(seed),
                    Cache = parse.GetValue(cache) is { } c ? Path.GetFullPath(c) : null,
                    Threads = parse.GetValue(threads),
                };
                return SamFineTuneRun.Start(options, run, progress, context.Log, context.CommandLine);
            });
            var first = result.Rows.Count > 0 ? result.Rows[0] : null;
            var last = result.Rows.Count > 0 ? result.Rows[^1] : null;
            context.Console.WriteLine(first is null || last is null || result.EpochsRun == 0
                ? $"Nothing to do: {run} has completed its {last?.Epoch ?? 0} epoch(s); give --resume --epochs N with a larger N to continue it."
                : string.Create(CultureInfo.InvariantCulture, $"Fine-tuned {last.Epoch} epoch(s): validation SEG {first.ValSeg:F4} before, {last.ValSeg:F4} after (best {result.Rows.Max(r => r.ValSeg):F4}). Run folder: {run}"));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateInit(CliContext context)
    {
        var variant = new Option<string>("--variant") { Description = "vit-b, vit-l, vit-h or vit-t.", Required = true };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the weights (default 0).", DefaultValueFactory = _ => 0 };
        var output = new Option<string>("--out") { Description = "The checkpoint file to write (.pth).", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace an existing file." };
        var command = new Command("init", "Write a checkpoint of random weights in the official format (torch.load reads it): its masks mean nothing, but prediction and fine-tuning run offline with it (tests, workshops without downloads).")
        {
            variant, seed, output, force,
        };
        command.SetAction(parse =>
        {
            SamRandomWeights.Write(parse.GetValue(variant)!, parse.GetValue(seed), parse.GetValue(output)!, parse.GetValue(force));
            context.Console.WriteLine($"Wrote random {parse.GetValue(variant)} weights (seed {parse.GetValue(seed)}) to {parse.GetValue(output)}; their masks mean nothing.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
