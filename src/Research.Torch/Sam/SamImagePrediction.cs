using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Serialization;
using Research.Imaging;
using Research.Imaging.Codecs;
using Research.Imaging.Drawing;
using Research.IO;
using Research.Metrics;
using Research.Provenance;
using Research.Torch.Runtime;
using static TorchSharp.torch;

namespace Research.Torch.Sam;

/// <summary>What <c>predictions.json</c> records for one prompt.</summary>
/// <param name="Image">The image's file stem.</param>
/// <param name="Index">The prompt's 0-based index (the k of <c>image_k.png</c>).</param>
/// <param name="Box">Its box (original pixels), or null.</param>
/// <param name="Points">Its points as [x, y, label].</param>
/// <param name="IouPrediction">The predicted IoU of the written mask.</param>
/// <param name="Area">Pixels of the written mask.</param>
/// <param name="MaskIndex">Which of the decoder's masks was written (with multimask output, the one of highest predicted IoU).</param>
/// <param name="IouPredictions">The predicted IoU of every mask the decoder gave.</param>
/// <param name="SourceLabel">With <c>--boxes-from</c>, the label of the object whose box this prompt is; else null.</param>
public sealed record SamPromptResult(
    [property: JsonPropertyName("image")] string Image,
    [property: JsonPropertyName("index")] int Index,
    [property: JsonPropertyName("box")] float[]? Box,
    [property: JsonPropertyName("points")] float[][] Points,
    [property: JsonPropertyName("iou_prediction")] double IouPrediction,
    [property: JsonPropertyName("area")] long Area,
    [property: JsonPropertyName("mask_index")] int MaskIndex,
    [property: JsonPropertyName("iou_predictions")] double[] IouPredictions,
    [property: JsonPropertyName("source_label")] int? SourceLabel = null);

/// <summary>
/// <c>research sam predict</c>: loads a checkpoint, embeds one image, decodes its prompts and writes, into a folder built
/// as a whole (<see cref="OutputFolder"/>), <c>STEM_k.png</c> (the mask at the original size, 0/255),
/// <c>STEM_k_logits.tif</c> (float32 low-resolution logits of that mask), <c>labels/STEM.tif</c> (all masks as one
/// 16-bit instance label image, overlaps to the higher predicted IoU: evaluate it with <c>research evaluate --pred
/// OUT/labels</c>), <c>predictions.json</c> and <c>provenance.json</c> (versions, weights SHA-256, variant, image,
/// prompts).
/// </summary>
public static class SamImagePrediction
{
    /// <summary>Runs the prediction; returns one result per prompt.</summary>
    /// <exception cref="InputException">Unreadable image or checkpoint, a checkpoint of another variant, prompts outside the image, an output folder that cannot be written.</exception>
    public static IReadOnlyList<SamPromptResult> Run(string weights, string variant, string imagePath, string? boxes, string? points, string? boxesFrom, bool multimask, string output, bool force, string? commandLine = null)
    {
        var config = SamConfig.FromOption(variant);
        return Run(weights, config, variant, imagePath, boxes, points, boxesFrom, multimask, output, force, commandLine);
    }

    /// <summary>Runs the prediction with a model of <paramref name="config"/> (recorded as <paramref name="variant"/>).</summary>
    public static IReadOnlyList<SamPromptResult> Run(string weights, SamConfig config, string variant, string imagePath, string? boxes, string? points, string? boxesFrom, bool multimask, string output, bool force, string? commandLine = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Run(() => SamCheckpoint.Create(config, weights), weights, config, variant, null, imagePath, boxes, points, boxesFrom, multimask, output, force, commandLine);
    }

    /// <summary>
    /// Runs the prediction with the model of the fine-tuning run <paramref name="run"/> (its base checkpoint, or
    /// <paramref name="weights"/> when the file has moved, with the decoder of <c>checkpoints/best</c>).
    /// </summary>
    public static IReadOnlyList<SamPromptResult> RunFineTuned(string run, string? weights, string imagePath, string? boxes, string? points, string? boxesFrom, bool multimask, string output, bool force, string? commandLine = null)
    {
        var options = FineTuning.SamFineTuneRun.ReadConfig(run);
        return Run(() => FineTuning.SamFineTuneRun.LoadModel(run, weights), weights ?? options.Weights, options.ModelConfig(), options.Variant, run,
            imagePath, boxes, points, boxesFrom, multimask, output, force, commandLine);
    }

    private static IReadOnlyList<SamPromptResult> Run(Func<SamModel> load, string weights, SamConfig config, string variant, string? run, string imagePath, string? boxes, string? points, string? boxesFrom, bool multimask, string output, bool force, string? commandLine)
    {
        var started = DateTimeOffset.UtcNow;
        var image = SamImages.ReadRgb(imagePath);
        IReadOnlyList<SamPrompt> prompts;
        IReadOnlyList<int>? sourceLabels = null;
        if (boxesFrom is not null)
        {
            if (boxes is not null || points is not null) throw new InputException("--boxes-from gives the prompts: leave out --boxes and --points");
            var labels = LabelImage.From(ImageFile.Read(boxesFrom), boxesFrom);
            if (labels.Width != image.Width || labels.Height != image.Height)
                throw new InputException($"{boxesFrom}: {labels.Width} x {labels.Height} labels for the {image.Width} x {image.Height} image {imagePath}; boxes must come from labels of the same image");
            var found = SamLabels.Boxes(labels);
            prompts = [.. found.Select(f => new SamPrompt(f.Box, []))];
            sourceLabels = [.. found.Select(f => f.Label)];
        }
        else
        {
            prompts = SamPrompt.Parse(boxes, points, image.Width, image.Height);
        }
        using var folder = OutputFolder.Begin(output, force);   // an unusable --out fails before the model loads
        TorchRuntime.EnsureLoaded();
        using var model = load();
        using var predictor = new SamPredictor(model);
        predictor.SetImage(image);

        string stem = Path.GetFileNameWithoutExtension(imagePath);
        var results = new List<SamPromptResult>();
        var written = new List<bool[]>();
        for (int k = 0; k < prompts.Count; k++)
        {
            var prompt = prompts[k];
            float[,]? box = prompt.Box is { } b ? new float[,] { { b[0], b[1], b[2], b[3] } } : null;
            float[,,]? xy = null;
            int[,]? labels = null;
            if (prompt.Points.Count > 0)
            {
                xy = new float[1, prompt.Points.Count, 2];
                labels = new int[1, prompt.Points.Count];
                for (int i = 0; i < prompt.Points.Count; i++) (xy[0, i, 0], xy[0, i, 1], labels[0, i]) = prompt.Points[i];
            }
            using var prediction = predictor.Predict(box, xy, labels, multimask);
            double[] ious = prediction.Iou[0].to(ScalarType.Float64).data<double>().ToArray();
            int best = Array.IndexOf(ious, ious.Max());
            bool[] mask = prediction.Masks[0, best].contiguous().data<bool>().ToArray();
            written.Add(mask);
            long area = mask.LongCount(v => v);
            ImageFile.Write(folder.PathFor($"{stem}_{k}.png"), new Image<byte>(image.Width, image.Height, 1, Array.ConvertAll(mask, v => v ? (byte)255 : (byte)0)));
            using var low = prediction.LowResolution[0, best].contiguous();
            ImageFile.Write(folder.PathFor($"{stem}_{k}_logits.tif"), new Image<float>((int)low.shape[1], (int)low.shape[0], 1, low.data<float>().ToArray()));
            results.Add(new SamPromptResult(stem, k, prompt.Box, [.. prompt.Points.Select(p => new[] { p.X, p.Y, p.Label })], ious[best], area, best, ious, sourceLabels?[k]));
        }
        ImageFile.Write(folder.PathFor(Path.Combine("labels", stem + ".tif")), SamLabels.Combine(written, [.. results.Select(r => r.IouPrediction)], image.Width, image.Height));
        Json.Write(folder.PathFor("predictions.json"), results);
        WriteProvenance(folder, weights, run, config, variant, imagePath, image, boxesFrom is null ? boxes : $"from {Path.GetFullPath(boxesFrom)}", points, multimask, results.Count, started, commandLine);
        folder.Commit();
        return results;
    }

    private static void WriteProvenance(OutputFolder folder, string weights, string? run, SamConfig config, string variant, string imagePath, Image<byte> image,
        string? boxes, string? points, bool multimask, int prompts, DateTimeOffset started, string? commandLine)
    {
        string sha;
        using (var stream = File.OpenRead(weights)) sha = Convert.ToHexStringLower(SHA256.HashData(stream));
        string I(long v) => v.ToString(CultureInfo.InvariantCulture);
        var components = new Dictionary<string, string>(VersionReport.Collect().AsComponents())
        {
            ["device"] = "cpu",
            ["threads"] = I(get_num_threads()),
            ["weights"] = Path.GetFullPath(weights),
            ["weights_sha256"] = sha,
            ["variant"] = variant,
            ["run"] = run is null ? "" : Path.GetFullPath(run),
            ["decoder"] = run is null ? "the checkpoint's" : "fine-tuned: " + Path.Combine(Path.GetFullPath(run), FineTuning.SamFineTuneRun.BestCheckpoint),
            ["image"] = Path.GetFullPath(imagePath),
            ["image_size"] = $"{I(image.Width)}x{I(image.Height)}",
            ["boxes"] = boxes ?? "",
            ["points"] = points ?? "",
            ["multimask"] = multimask ? "true" : "false",
            ["prompts"] = I(prompts),
            ["resize"] = $"longest side to {I(config.ImageSize)}, Pillow bilinear",
        };
        Json.Write(folder.PathFor("provenance.json"), new RunProvenance
        {
            CommandLine = commandLine,
            Components = components,
            StartedUtc = started,
            FinishedUtc = DateTimeOffset.UtcNow,
        });
    }
}
