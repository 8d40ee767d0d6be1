using Research.Encodings;
using System.Globalization;
using System.Text;
using Research.Imaging;
using Research.Imaging.Codecs;
using Research.IO;
using Research.Processing.Labels;
using Research.Torch.Models;
using Research.Torch.Runtime;
using Research.Torch.Training;
using Research.Torch.Workflows;
using TorchSharp;
using static TorchSharp.torch;

namespace Research.Torch.Inference;

/// <summary>What prediction wrote.</summary>
/// <param name="OutputFolder">The output folder.</param>
/// <param name="Images">Images predicted.</param>
/// <param name="Objects">Objects found over all images.</param>
public sealed record PredictResult(string OutputFolder, int Images, int Objects);

/// <summary>
/// <c>research predict</c>: loads a run's best checkpoint, turns each input image into model input exactly as training did
/// (the run's colour mode and normalisation from <c>config.json</c>, <see cref="InputImages"/>), predicts it by tiles
/// (<see cref="TiledPrediction"/>), separates instances (<see cref="InstanceSeparation"/>: distance peaks for a one-logit
/// model, interior markers for a 3-class model) or, for mask-rcnn, paints tiled detections by score
/// (<see cref="TiledDetection"/>, <see cref="DetectionLabels"/>; <see cref="LabelPredictors"/> chooses) and writes
/// <c>&lt;name&gt;.tif</c> (16-bit labels) per image and <c>submission.csv</c> (Kaggle DSB2018: ImageId,EncodedPixels,
/// one row per object, an empty EncodedPixels row for an image without objects) and <c>provenance.json</c>
/// (<see cref="PredictionProvenance"/>).
/// </summary>
public static class Prediction
{
    /// <summary>Runs the prediction.</summary>
    public static PredictResult Run(PredictOptions options, IProgress<WorkflowProgress>? progress = null, Action<string>? log = null, string? commandLine = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var started = DateTimeOffset.UtcNow;
        options.Validate();
        var config = TrainingRun.ReadConfig(options.RunFolder);
        var device = TorchRuntime.ResolveDevice(options.Device);
        var inputs = PredictionInputs.Resolve(options);
        using var predictor = LabelPredictors.Load(options, config, device);
        int stride = ModelRegistry.Stride(config.Model);
        Directory.CreateDirectory(options.Output);
        var csv = new StringBuilder("ImageId,EncodedPixels\n");
        int objects = 0;
        for (int n = 0; n < inputs.Count; n++)
        {
            var (id, file, read) = inputs[n];
            var image = read();
            int channels = InputImages.Channels(config.Colour);
            if (ModelRegistry.IsPixelMap(config.Model) && (image.Width % stride != 0 || image.Height % stride != 0))
            {
                log?.Invoke($"{file}: {image.Width} x {image.Height} px is not a multiple of the model's stride {stride}; tiles are padded with zeros.");
            }
            var labels = predictor.Labels(InputImages.ToChw(image, config.Colour, config.Normalization), channels, image.Height, image.Width);
            int count = labels.Length == 0 ? 0 : labels.Max();
            if (count > ushort.MaxValue) throw new InputException($"{file}: {count} objects do not fit a 16-bit label image.");
            var labelImage = new Image<ushort>(image.Width, image.Height, 1, Array.ConvertAll(labels, l => (ushort)l));
            ImageFile.Write(Path.Combine(options.Output, id + ".tif"), labelImage);
            if (count == 0) csv.Append(id).Append(",\n");
            foreach (var found in LabelRuns.Scan(labelImage, binary: false)) csv.Append(id).Append(',').Append(KaggleRle.Format(found.Runs)).Append('\n');
            objects += count;
            progress?.Report(new WorkflowProgress("Predicting", n + 1, inputs.Count));
        }
        AtomicFile.WriteAllText(Path.Combine(options.Output, "submission.csv"), csv.ToString());
        var result = new PredictResult(options.Output, inputs.Count, objects);
        PredictionProvenance.Write(options, config, predictor.Checkpoint, predictor.Separation, device, result, started, commandLine);
        return result;
    }

    /// <summary>The run's model with the weights of <paramref name="checkpoint"/> on <paramref name="device"/>, in evaluation mode.</summary>
    internal static LoadedModel LoadModel(TrainingOptions config, string checkpoint, Device device)
    {
        Checkpoint.Recover(checkpoint);
        string statePath = Path.Combine(checkpoint, Checkpoint.StateFile);
        if (!File.Exists(statePath)) throw new InputException($"{checkpoint}: no checkpoint here ({Checkpoint.StateFile} is missing); train the run first.");
        var stored = System.Text.Json.JsonSerializer.Deserialize<CheckpointState>(File.ReadAllText(statePath), Checkpoint.JsonOptions)!;
        var model = ModelRegistry.Create(config.Model, stored.InChannels, stored.OutChannels, config.BaseFilters);
        var expected = new CheckpointState(0, ModelRegistry.NameOf(config.Model), config.BaseFilters, stored.InChannels, config.OutputChannels,
            ModelRegistry.ParameterCount(model), config.Optimizer, stored.Schedule);
        var state = Checkpoint.ReadState(checkpoint, expected);
        Checkpoint.Load(checkpoint, model, null);
        model.to(device);
        model.eval();
        return new LoadedModel(model, stored.InChannels, state);
    }

    /// <summary>A loaded model, its input channels and the checkpoint it came from.</summary>
    internal sealed record LoadedModel(nn.Module<Tensor, Tensor> Model, long InChannels, CheckpointState Checkpoint) : IDisposable
    {
        public void Dispose() => Model.Dispose();
    }
}
