using Research.Processing.Labels;
using Research.Torch.Detection.MaskRcnn;
using Research.Torch.Models;
using Research.Torch.Training;
using Research.Torch.Training.Tasks;
using TorchSharp;
using static TorchSharp.torch;

namespace Research.Torch.Inference;

/// <summary>A trained run's model turned into instance labels for whole images (<c>predict</c>); the inference side of <see cref="ITrainingTask"/>.</summary>
public interface ILabelPredictor : IDisposable
{
    /// <summary>The checkpoint the weights came from.</summary>
    CheckpointState Checkpoint { get; }

    /// <summary>How objects are separated, for provenance (e.g. "interior markers", "mask-rcnn detections").</summary>
    string Separation { get; }

    /// <summary>Instance labels (row-major, 0 background) of a CHW image made as training made its input.</summary>
    int[] Labels(float[] image, int channels, int height, int width);
}

/// <summary>Loads the predictor of a run: per-pixel maps with instance separation, or Mask R-CNN detections painted by score.</summary>
public static class LabelPredictors
{
    /// <summary>The predictor of the run in <paramref name="options"/> with its <c>checkpoints/best</c> on <paramref name="device"/>.</summary>
    public static ILabelPredictor Load(PredictOptions options, TrainingOptions config, Device device)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(config);
        string checkpoint = Path.Combine(options.RunFolder, TrainingRun.BestCheckpoint);
        if (!ModelRegistry.IsPixelMap(config.Model))
        {
            if (options.TestTimeAugmentation) throw new InputException("--tta averages per-pixel maps; a mask-rcnn run has none. Predict without --tta.");
            var (model, state) = LoadDetector(config, checkpoint, device);
            return new MaskRcnnLabelPredictor(model, state, config.DetectionScale, options, device);
        }
        var loaded = Prediction.LoadModel(config, checkpoint, device);
        if (loaded.InChannels != InputImages.Channels(config.Colour))
        {
            loaded.Dispose();
            throw new InputException($"{checkpoint}: the model has {loaded.InChannels} input channel(s) but {TrainingRun.ConfigFile} says colour '{config.Colour}'; the run folder is inconsistent.");
        }
        return new PixelMapLabelPredictor(loaded, config, options, device);
    }

    /// <summary>A Mask R-CNN run's model with the weights of <paramref name="checkpoint"/>, checked against the run's configuration, in evaluation mode.</summary>
    public static (MaskRcnnModel Model, CheckpointState State) LoadDetector(TrainingOptions config, string checkpoint, Device device)
    {
        ArgumentNullException.ThrowIfNull(config);
        Research.Torch.Training.Checkpoint.Recover(checkpoint);
        if (!File.Exists(Path.Combine(checkpoint, Research.Torch.Training.Checkpoint.StateFile)))
            throw new InputException($"{checkpoint}: no checkpoint here ({Research.Torch.Training.Checkpoint.StateFile} is missing); train the run first.");
        var model = MaskRcnnRuns.CreateModel(config);
        try
        {
            var state = Research.Torch.Training.Checkpoint.ReadState(checkpoint, MaskRcnnRuns.ExpectedState(config, model));
            Research.Torch.Training.Checkpoint.Load(checkpoint, model, null);
            model.to(device);
            model.eval();
            return (model, state);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    private sealed class PixelMapLabelPredictor(Prediction.LoadedModel model, TrainingOptions config, PredictOptions options, Device device) : ILabelPredictor
    {
        public CheckpointState Checkpoint => model.Checkpoint;

        public string Separation => config.OutputChannels == 1 ? "distance peaks" : "interior markers";

        public int[] Labels(float[] image, int channels, int height, int width)
        {
            var maps = TiledPrediction.Probabilities(model.Model, config.OutputChannels, image, channels, height, width, options.Tile, options.Overlap,
                ModelRegistry.Stride(config.Model), options.TestTimeAugmentation, device);
            return InstanceSeparation.Run(maps, options.Separation);
        }

        public void Dispose() => model.Dispose();
    }

    private sealed class MaskRcnnLabelPredictor(MaskRcnnModel model, CheckpointState state, double scale, PredictOptions options, Device device) : ILabelPredictor
    {
        public CheckpointState Checkpoint => state;

        public string Separation => "mask-rcnn detections painted by score";

        public int[] Labels(float[] image, int channels, int height, int width)
        {
            var detections = TiledDetection.Detect(model, image, channels, height, width, scale, options.Tile, options.Overlap, device);
            return DetectionLabels.Paint(detections, options.ScoreThreshold, options.MaskThreshold, width, height, options.Separation.MinObjectArea);
        }

        public void Dispose() => model.Dispose();
    }
}
