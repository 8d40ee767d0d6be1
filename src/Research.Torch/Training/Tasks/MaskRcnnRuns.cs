using Research.Torch.Detection.MaskRcnn;
using Research.Torch.Models;
using static TorchSharp.torch;

namespace Research.Torch.Training.Tasks;

/// <summary>Mask R-CNN in run folders: the model a run's <c>config.json</c> describes, the name its checkpoints record, and <c>--init</c> weights.</summary>
public static class MaskRcnnRuns
{
    /// <summary>The model name checkpoints of a Mask R-CNN run record.</summary>
    public static string CheckpointName(string backbone) => $"mask-rcnn:{backbone}";

    /// <summary>
    /// The model of a run: <see cref="TrainingOptions.Backbone"/>, <see cref="TrainingOptions.Classes"/>, trainable batch
    /// norm unless <see cref="TrainingOptions.FrozenBatchNorm"/> (then also the stem and layer1 frozen, torchvision's
    /// <c>trainable_layers=3</c>), <see cref="TrainingOptions.DetectionsPerImage"/>, <see cref="TrainingOptions.AnchorSizes"/>,
    /// <see cref="TrainingOptions.RoiBatchSize"/>.
    /// </summary>
    public static MaskRcnnModel CreateModel(TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!ResNetBody.Names.Contains(options.Backbone))
            throw new InputException($"Unknown backbone '{options.Backbone}'. Available backbones: {string.Join(", ", ResNetBody.Names)}.");
        var model = new MaskRcnnModel(options.Backbone, options.Classes, batchNorm: !options.FrozenBatchNorm, detectionsPerImage: options.DetectionsPerImage,
            anchorSizes: options.AnchorSizes);
        model.Heads.BatchSizePerImage = options.RoiBatchSize;
        if (options.FrozenBatchNorm) model.Backbone.Body.FreezeStemAndLayer1();
        return model;
    }

    /// <summary>
    /// Loads initial weights into <paramref name="model"/> from <paramref name="path"/>: a run folder of a Mask R-CNN
    /// with the same backbone (its <c>checkpoints/best</c>, e.g. made by <c>research models import</c>) or a torchvision
    /// state dict file. Class heads of another class count keep their initial values; the returned note says so.
    /// </summary>
    public static string? LoadInit(MaskRcnnModel model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (File.Exists(path)) return MaskRcnnCheckpoint.Load(model, path, resizeClassHeads: true);
        var config = CheckInit(path, model.BackboneName)!;
        string checkpoint = Path.Combine(path, TrainingRun.BestCheckpoint);
        Checkpoint.Recover(checkpoint);
        using var source = CreateModel(config);
        Checkpoint.ReadState(checkpoint, ExpectedState(config, source));
        Checkpoint.Load(checkpoint, source, null);
        var tensors = source.state_dict();
        return MaskRcnnCheckpoint.Assign(model, tensors, checkpoint, resizeClassHeads: true);
    }

    /// <summary>
    /// Checks, before a run writes anything, that <paramref name="path"/> can start a Mask R-CNN with
    /// <paramref name="backbone"/>: a file (a state dict, read when training starts) or the folder of a Mask R-CNN run
    /// with the same backbone, whose configuration is returned (null for a file).
    /// </summary>
    public static TrainingOptions? CheckInit(string path, string backbone)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (File.Exists(path)) return null;
        if (!File.Exists(Path.Combine(path, TrainingRun.ConfigFile)))
            throw new InputException($"--init {path}: neither a file nor a run folder (no {TrainingRun.ConfigFile}); give a torchvision Mask R-CNN state dict or a run folder made by 'research models import' or 'research train --model mask-rcnn'.");
        var config = TrainingRun.ReadConfig(path);
        if (config.Model != ModelKind.MaskRcnn) throw new InputException($"--init {path}: the run trained {ModelRegistry.NameOf(config.Model)}, not mask-rcnn.");
        if (config.Backbone != backbone) throw new InputException($"--init {path}: the run's backbone is {config.Backbone}, this model's {backbone}; use --backbone {config.Backbone}.");
        return config;
    }

    /// <summary>What the checkpoints of a run with <paramref name="options"/> must record for <paramref name="model"/> (the schedule and epoch are not compared).</summary>
    public static CheckpointState ExpectedState(TrainingOptions options, nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new CheckpointState(0, CheckpointName(options.Backbone), 0, InputImages.Channels(options.Colour), options.Classes,
            ModelRegistry.ParameterCount(model), options.Optimizer, ScheduleState.Initial(options));
    }
}
