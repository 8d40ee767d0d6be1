using System.CommandLine;
using Research.Datasets.Synthetic;
using Research.Torch.Losses;
using Research.Torch.Models;
using Research.Torch.Runtime;
using Research.Torch.Training;
using Spectre.Console;

namespace Research.Cli.Commands;

/// <summary><c>research train</c>: trains a model into a run folder, or resumes one.</summary>
public static class TrainCommand
{
    private static readonly TrainingOptions Defaults = new();

    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext context)
    {
        var dataset = new Option<string>("--dataset") { Description = "Dataset id (synthetic-nuclei is generated in memory).", DefaultValueFactory = _ => SyntheticNucleiGenerator.DatasetId };
        var root = new Option<string?>("--root") { Description = DatasetRoots.RootDescription + " The split's masks are the targets." };
        var split = DatasetRoots.SplitOption();
        var output = new Option<string>("--out") { Description = "The run folder.", Required = true };
        var model = new Option<string>("--model") { Description = $"Model: {string.Join(", ", ModelRegistry.AvailableNames)} (default unet).", DefaultValueFactory = _ => "unet" };
        var loss = new Option<string>("--loss") { Description = $"Loss: {string.Join(", ", LossRegistry.AvailableNames)} (default bce-dice).", DefaultValueFactory = _ => "bce-dice" };
        var optimizer = new Option<string>("--optimizer") { Description = "Optimiser: adam, rmsprop, sgd (default adam).", DefaultValueFactory = _ => "adam" };
        var schedule = new Option<string>("--schedule") { Description = "Learning-rate schedule: constant, plateau, step, cosine (default plateau).", DefaultValueFactory = _ => "plateau" };
        var epochs = new Option<int>("--epochs") { Description = $"Epochs (default {Defaults.Epochs}).", DefaultValueFactory = _ => Defaults.Epochs };
        var batch = new Option<int>("--batch") { Description = $"Crops per batch (default {Defaults.BatchSize}).", DefaultValueFactory = _ => Defaults.BatchSize };
        var size = new Option<int>("--size") { Description = $"Training crop side, a multiple of the model's stride (default {Defaults.CropSize}).", DefaultValueFactory = _ => Defaults.CropSize };
        var lr = new Option<double>("--lr") { Description = $"Initial learning rate (default {Defaults.LearningRate}).", DefaultValueFactory = _ => Defaults.LearningRate };
        var seed = new Option<ulong>("--seed") { Description = $"Seed of weights, data order, crops, augmentation, dropout and the synthetic data (default {Defaults.Seed}).", DefaultValueFactory = _ => Defaults.Seed };
        var device = new Option<DevicePreference>("--device") { Description = "auto, cpu or cuda (default auto).", DefaultValueFactory = _ => DevicePreference.Auto };
        var augment = new Option<string>("--augment") { Description = "none, random or fold113 (default none).", DefaultValueFactory = _ => "none" };
        var baseFilters = new Option<int>("--base-filters") { Description = $"Base filters of unet and bh2019-unet (default {Defaults.BaseFilters}).", DefaultValueFactory = _ => Defaults.BaseFilters };
        var boundaryWeight = new Option<double>("--boundary-weight") { Description = "cross-entropy: weight of the boundary class, so that missing a boundary between touching objects costs more (default 1).", DefaultValueFactory = _ => 1 };
        var patience = new Option<int>("--patience") { Description = "Early stopping: epochs without a better validation loss (default 0 = off).", DefaultValueFactory = _ => 0 };
        var threads = new Option<int>("--threads") { Description = "libtorch threads (default 0 = libtorch's choice).", DefaultValueFactory = _ => 0 };
        var images = new Option<int>("--images") { Description = $"synthetic-nuclei: number of images (default {Defaults.Synthetic.Count}).", DefaultValueFactory = _ => Defaults.Synthetic.Count };
        var imageSize = new Option<int>("--image-size") { Description = $"synthetic-nuclei: image side in pixels (default {Defaults.Synthetic.Size}).", DefaultValueFactory = _ => Defaults.Synthetic.Size };
        var colour = new Option<string>("--colour") { Description = "Model input: grey (1 channel, colour images converted) or rgb (3 channels) (default grey).", DefaultValueFactory = _ => "grey" };
        var normalize = new Option<string>("--normalize") { Description = "Input normalisation: percentile (0.5-99.5 to [0, 1]), minmax, zscore, type-range (default percentile); predict applies the same.", DefaultValueFactory = _ => "percentile" };
        var invert = new Option<bool>("--invert-bright") { Description = "Invert images whose mean after normalisation is above 0.5 (dark objects on a bright background); predict does the same." };
        var valFraction = new Option<double>("--val-fraction") { Description = $"Fraction of source images held out for validation (default {Defaults.ValidationFraction}).", DefaultValueFactory = _ => Defaults.ValidationFraction };
        var cache = new Option<int>("--cache-mb") { Description = $"Memory for decoded samples of a manifest dataset (default {Defaults.CacheMegabytes} MB).", DefaultValueFactory = _ => Defaults.CacheMegabytes };
        var backbone = new Option<string>("--backbone") { Description = $"mask-rcnn: ResNet trunk, {string.Join(", ", Research.Torch.Detection.MaskRcnn.ResNetBody.Names)} (default {Defaults.Backbone}).", DefaultValueFactory = _ => Defaults.Backbone };
        var detectionScale = new Option<double>("--detection-scale") { Description = $"mask-rcnn: magnification of crops and images before the network (default {Defaults.DetectionScale}; 2 doubles small nuclei for the 32 px anchors).", DefaultValueFactory = _ => Defaults.DetectionScale };
        var detections = new Option<int>("--detections") { Description = $"mask-rcnn: most detections per image (default {Defaults.DetectionsPerImage}).", DefaultValueFactory = _ => Defaults.DetectionsPerImage };
        var keepCut = new Option<double>("--keep-cut") { Description = $"mask-rcnn: an object cut by a crop stays a training object when at least this fraction of it (and {Research.Torch.Training.Tasks.CutObjects.MinPixels} px) remains (default {Defaults.CutObjectFraction}).", DefaultValueFactory = _ => Defaults.CutObjectFraction };
        var anchors = new Option<int[]>("--anchor-sizes") { Description = $"mask-rcnn: 5 anchor sizes in network pixels, one per level P2-P6 (default {string.Join(' ', Defaults.AnchorSizes)}, torchvision's).", AllowMultipleArgumentsPerToken = true };
        var roiBatch = new Option<int>("--roi-batch") { Description = $"mask-rcnn: proposals sampled per image for the heads' losses (default {Defaults.RoiBatchSize}).", DefaultValueFactory = _ => Defaults.RoiBatchSize };
        var init = new Option<string?>("--init") { Description = "mask-rcnn: start from these weights (a torchvision state dict .pth, or a run folder such as one made by 'research models import'); batch norm frozen, class heads resized when the class count differs." };
        var resume = new Option<bool>("--resume") { Description = "Continue the run in --out from checkpoints/last (its config.json; --epochs may extend it)." };
        var command = new Command("train", "Train a segmentation model into a run folder (config, metrics.csv, learning curves, checkpoints, provenance).")
        {
            dataset, root, split, output, model, loss, optimizer, schedule, epochs, batch, size, lr, seed, device, augment, baseFilters, boundaryWeight, patience, threads, images, imageSize, colour, normalize, invert, valFraction, cache, backbone, detectionScale, detections, keepCut, anchors, roiBatch, init, resume,
        };
        command.SetAction(parse =>
        {
            string run = parse.GetValue(output)!;
            bool quiet = parse.GetValue(CliApp.Quiet);
            Action<string> log = context.Log;
            var result = ProgressBars.Run(context, quiet, shown =>
            {
                var progress = HaltForTests.Wrap(shown, context.Error);
                if (parse.GetValue(resume))
                {
                    int? moreEpochs = parse.GetResult(epochs) is { Implicit: false } ? parse.GetValue(epochs) : null;
                    return TrainingRun.Resume(run, moreEpochs, null, progress, log, context.CommandLine);
                }
                var options = new TrainingOptions
                {
                    Dataset = parse.GetValue(dataset)!,
                    DatasetRoot = DatasetRoots.SplitFolder(context, parse.GetValue(dataset), parse.GetValue(root), parse.GetValue(split), annotatedOnly: true),
                    Synthetic = new SyntheticNucleiOptions { Count = parse.GetValue(images), Size = parse.GetValue(imageSize), Seed = parse.GetValue(seed) },
                    Model = ModelRegistry.Parse(parse.GetValue(model)!),
                    Loss = LossRegistry.Parse(parse.GetValue(loss)!),
                    Optimizer = Names.Optimizer(parse.GetValue(optimizer)!),
                    Schedule = Names.Schedule(parse.GetValue(schedule)!),
                    Augment = Names.Augment(parse.GetValue(augment)!),
                    Epochs = parse.GetValue(epochs),
                    BatchSize = parse.GetValue(batch),
                    CropSize = parse.GetValue(size),
                    LearningRate = parse.GetValue(lr),
                    Seed = parse.GetValue(seed),
                    Device = parse.GetValue(device),
                    BaseFilters = parse.GetValue(baseFilters),
                    EarlyStoppingPatience = parse.GetValue(patience),
                    BoundaryWeight = parse.GetValue(boundaryWeight),
                    Threads = parse.GetValue(threads),
                    Colour = Names.Colour(parse.GetValue(colour)!),
                    Normalization = new InputNormalization { Scaling = Names.Scaling(parse.GetValue(normalize)!), InvertBright = parse.GetValue(invert) },
                    ValidationFraction = parse.GetValue(valFraction),
                    CacheMegabytes = parse.GetValue(cache),
                    Backbone = parse.GetValue(backbone)!,
                    DetectionScale = parse.GetValue(detectionScale),
                    DetectionsPerImage = parse.GetValue(detections),
                    CutObjectFraction = parse.GetValue(keepCut),
                    AnchorSizes = parse.GetValue(anchors) is { Length: > 0 } a ? a : Defaults.AnchorSizes,
                    RoiBatchSize = parse.GetValue(roiBatch),
                    Init = parse.GetValue(init) is { } from ? Path.GetFullPath(from) : null,
                    FrozenBatchNorm = parse.GetValue(init) is not null,
                };
                OnlyWhereTheyApply(parse, options.Model == ModelKind.MaskRcnn, [loss, baseFilters, boundaryWeight], [backbone, detectionScale, detections, keepCut, anchors, roiBatch, init]);
                return TrainingRun.Start(options, run, null, progress, log, context.CommandLine);
            });
            var lastRow = result.Metrics.Count > 0 ? result.Metrics[^1] : null;
            context.Console.WriteLine(lastRow is null
                ? $"Nothing to do: {run} has completed its epochs."
                : FormattableString.Invariant($"Trained {lastRow.Epoch} epochs on {result.Device}: val_dice {lastRow.ValidationDice:F4}. Run folder: {run}"));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Whether the run folder holds a mask-rcnn run (false when it has no readable config.json: the command's own checks then name the problem).</summary>
    internal static bool IsDetectorRun(string runFolder)
    {
        if (!File.Exists(Path.Combine(runFolder, TrainingRun.ConfigFile))) return false;
        try
        {
            return TrainingRun.ReadConfig(runFolder).Model == ModelKind.MaskRcnn;
        }
        catch (InputException)
        {
            return false;
        }
    }

    /// <summary>Refuses options given on the command line that the model does not use (per-pixel ones for mask-rcnn, detection ones for the U-Nets).</summary>
    internal static void OnlyWhereTheyApply(ParseResult parse, bool detector, IEnumerable<Option> pixelOnly, IEnumerable<Option> detectorOnly)
    {
        foreach (var option in detector ? pixelOnly : detectorOnly)
        {
            if (parse.GetResult(option) is { Implicit: false })
                throw new InputException(detector
                    ? $"{option.Name} applies to the per-pixel models (unet, bh2019-unet, c-resunet), not to mask-rcnn; leave it out."
                    : $"{option.Name} applies to mask-rcnn only; leave it out for a per-pixel model.");
        }
    }
}
