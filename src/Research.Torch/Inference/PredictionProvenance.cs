using System.Globalization;
using Research.IO;
using Research.Provenance;
using Research.Torch.Models;
using Research.Torch.Runtime;
using Research.Torch.Training;
using static TorchSharp.torch;

namespace Research.Torch.Inference;

/// <summary>
/// <c>provenance.json</c> of a prediction folder: the versions, the run and checkpoint (epoch and SHA-256 of its
/// weights), the input, every tiling setting, the post-processing settings the model uses (separation of a per-pixel
/// map, or score and mask thresholds of a detector), and what was found. Prediction draws no random numbers; the
/// training seed is recorded for reference.
/// </summary>
internal static class PredictionProvenance
{
    /// <summary>The file name in the output folder.</summary>
    public const string FileName = "provenance.json";

    /// <summary>Writes the record (atomically).</summary>
    public static void Write(PredictOptions options, TrainingOptions config, CheckpointState checkpoint, string separation, Device device, PredictResult result,
        DateTimeOffset started, string? commandLine)
    {
        var s = options.Separation;
        string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        string I(long v) => v.ToString(CultureInfo.InvariantCulture);
        var components = new Dictionary<string, string>(VersionReport.Collect().AsComponents())
        {
            ["device"] = device.type.ToString().ToLowerInvariant(),
            ["threads"] = I(get_num_threads()),
            ["run"] = OutputFolder.FinalPath(Path.GetFullPath(options.RunFolder)),
            ["checkpoint"] = $"{TrainingRun.BestCheckpoint} (epoch {I(checkpoint.Epoch)})",
            ["model_sha256"] = checkpoint.ModelSha256,
            ["training_seed"] = config.Seed.ToString(CultureInfo.InvariantCulture),
            ["input"] = options.Dataset is null ? OutputFolder.FinalPath(Path.GetFullPath(options.Input!)) : $"dataset {options.Dataset} at {OutputFolder.FinalPath(Path.GetFullPath(options.DatasetRoot!))}",
            ["tile"] = I(options.Tile),
            ["overlap"] = I(options.Overlap),
            ["tta"] = options.TestTimeAugmentation ? "d4" : "none",
            ["separation"] = separation,
            ["separation_settings_from"] = options.SeparationSource,
            ["min_area"] = I(s.MinObjectArea),
            ["images"] = I(result.Images),
            ["objects"] = I(result.Objects),
        };
        // Only the settings the model's kind uses: score and mask thresholds paint a detector's objects, the
        // separation settings split a per-pixel map.
        if (ModelRegistry.IsPixelMap(config.Model))
        {
            components["threshold"] = F(s.Threshold);
            components["max_hole_area"] = I(s.MaxHoleArea);
            components["peak_radius"] = I(s.PeakRadius);
            components["min_peak_distance"] = F(s.MinPeakDistance);
            components["interior_threshold"] = F(s.InteriorThreshold);
            components["min_marker_area"] = I(s.MinMarkerArea);
        }
        else
        {
            components["score_threshold"] = F(options.ScoreThreshold);
            components["mask_threshold"] = F(options.MaskThreshold);
        }
        Json.Write(Path.Combine(options.Output, FileName), new RunProvenance
        {
            CommandLine = commandLine,
            Components = components,
            StartedUtc = started,
            FinishedUtc = DateTimeOffset.UtcNow,
        });
    }
}
