using System.Text.Json;
using Research.IO;
using Research.Processing.Labels;

namespace Research.Torch.Inference;

/// <summary>One setting tried by <see cref="PostProcessingTuning"/> and its mean DSB2018 score on the validation images.</summary>
/// <param name="Threshold">The foreground threshold (mask-rcnn: the detection score threshold).</param>
/// <param name="Second">The interior threshold (3-class models), the minimum peak distance (one-logit models) or the mask threshold (mask-rcnn).</param>
/// <param name="Score">Mean DSB2018 score over the run's validation images.</param>
public sealed record TuningCandidate(double Threshold, double Second, double Score);

/// <summary>
/// <c>RUN/postprocessing.json</c>: the post-processing settings chosen on the run's own validation images (never a
/// test set) by <c>research tune</c>, every candidate's score, and how they were measured. <c>research predict</c>
/// uses the chosen settings for every option not given on its command line.
/// </summary>
/// <param name="Metric">The score maximised ("dsb2018": mean over images of the Kaggle DSB2018 image score).</param>
/// <param name="SecondSetting">What <see cref="TuningCandidate.Second"/> is: "interior_threshold", "min_peak_distance" or "mask_threshold" (then <see cref="TuningCandidate.Threshold"/> is the detection score threshold).</param>
/// <param name="ValidationImages">Validation images scored.</param>
/// <param name="ValidationObjects">True objects in them.</param>
/// <param name="TestTimeAugmentation">Whether the maps were D4-averaged.</param>
/// <param name="Checkpoint">The checkpoint tuned (epoch and weights SHA-256).</param>
/// <param name="Chosen">The best candidate (the first in grid order among equal scores).</param>
/// <param name="DefaultScore">The score of the library's default settings, for comparison.</param>
/// <param name="Fixed">The settings held fixed.</param>
/// <param name="Candidates">Every candidate, in grid order.</param>
/// <param name="Provenance">Versions, device, the training seed, the command line and the start and end times (null in records written before it existed).</param>
public sealed record TunedPostProcessing(
    string Metric, string SecondSetting, int ValidationImages, int ValidationObjects, bool TestTimeAugmentation, string Checkpoint,
    TuningCandidate Chosen, double DefaultScore, InstanceSeparationOptions Fixed, IReadOnlyList<TuningCandidate> Candidates,
    Research.Provenance.RunProvenance? Provenance = null)
{
    /// <summary>The file name in the run folder.</summary>
    public const string FileName = "postprocessing.json";

    /// <summary>The interior-threshold setting name.</summary>
    public const string Interior = "interior_threshold";

    /// <summary>The mask-threshold setting name (mask-rcnn runs: <see cref="TuningCandidate.Threshold"/> is then the detection score threshold).</summary>
    public const string MaskThreshold = "mask_threshold";

    /// <summary>The minimum-peak-distance setting name.</summary>
    public const string PeakDistance = "min_peak_distance";

    /// <summary>The settings to predict with: the fixed ones with the chosen threshold and second setting.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public InstanceSeparationOptions Settings => SecondSetting switch
    {
        Interior => Fixed with { Threshold = Chosen.Threshold, InteriorThreshold = Chosen.Second },
        MaskThreshold => Fixed,
        _ => Fixed with { Threshold = Chosen.Threshold, MinPeakDistance = Chosen.Second },
    };

    /// <summary>
    /// The post-processing a prediction with <paramref name="runFolder"/> starts from: the tuned settings when the run has
    /// a <c>postprocessing.json</c> and <paramref name="useTuned"/>, else the defaults; with where they came from.
    /// </summary>
    public static (InstanceSeparationOptions Options, string Source) Resolve(string runFolder, bool useTuned = true)
    {
        var defaults = new InstanceSeparationOptions();
        if (!useTuned) return (defaults, "defaults");
        var tuned = Read(runFolder);
        return tuned is null ? (defaults, "defaults") : (tuned.Settings, Path.Combine(runFolder, FileName));
    }

    /// <summary>Writes the record into <paramref name="runFolder"/> (atomically).</summary>
    public void Write(string runFolder) => Json.Write(Path.Combine(runFolder, FileName), this);

    /// <summary>The record of <paramref name="runFolder"/>, or null when the run has not been tuned.</summary>
    public static TunedPostProcessing? Read(string runFolder)
    {
        string path = Path.Combine(runFolder, FileName);
        if (!File.Exists(path)) return null;
        try
        {
            var record = JsonSerializer.Deserialize<TunedPostProcessing>(File.ReadAllText(path), Json.Options)
                ?? throw new InputException($"{path}: empty; run 'research tune --run {runFolder}' again or delete it.");
            if (record.SecondSetting is not (Interior or PeakDistance or MaskThreshold) || record.Chosen is null || record.Fixed is null)
                throw new InputException($"{path}: not a tuning record (second_setting '{record.SecondSetting}'); run 'research tune' again or delete it.");
            record.Settings.Validate();
            return record;
        }
        catch (JsonException e)
        {
            throw new InputException($"{path}: not a valid tuning record ({e.Message}); run 'research tune' again or delete it.", e);
        }
    }
}
