using Research.Processing.Labels;
using Research.Torch.Runtime;

namespace Research.Torch.Inference;

/// <summary>Settings of <c>research tune</c> (<see cref="PostProcessingTuning"/>).</summary>
public sealed record TuneOptions
{
    /// <summary>The training run folder (its <c>checkpoints/best</c>, <c>config.json</c> and <c>split.json</c>).</summary>
    public required string RunFolder { get; init; }

    /// <summary>The training split's folder when it has moved since training; null uses the run's <c>config.json</c>.</summary>
    public string? DatasetRoot { get; init; }

    /// <summary>Foreground thresholds tried. <value>The default value is 0.4, 0.5, 0.6.</value></summary>
    public IReadOnlyList<double> Thresholds { get; init; } = [0.4, 0.5, 0.6];

    /// <summary>3-class models: interior thresholds tried. <value>The default value is 0.3, 0.4, ..., 0.9, 0.95.</value></summary>
    public IReadOnlyList<double> InteriorThresholds { get; init; } = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95];

    /// <summary>One-logit models: minimum peak distances tried (pixels). <value>The default value is 1, 2, 3, 4, 6.</value></summary>
    public IReadOnlyList<double> MinPeakDistances { get; init; } = [1, 2, 3, 4, 6];

    /// <summary>mask-rcnn: detection score thresholds tried. <value>The default value is 0.3, 0.4, ..., 0.9.</value></summary>
    public IReadOnlyList<double> ScoreThresholds { get; init; } = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

    /// <summary>mask-rcnn: mask probability thresholds tried. <value>The default value is 0.3, 0.4, 0.5, 0.6, 0.7.</value></summary>
    public IReadOnlyList<double> MaskThresholds { get; init; } = [0.3, 0.4, 0.5, 0.6, 0.7];

    /// <summary>The other post-processing settings, kept fixed. <value>The default value is the defaults of <see cref="InstanceSeparationOptions"/>.</value></summary>
    public InstanceSeparationOptions Fixed { get; init; } = new();

    /// <summary>Tile side in pixels. <value>The default value is 512.</value></summary>
    public int Tile { get; init; } = 512;

    /// <summary>Tile overlap in pixels. <value>The default value is 64.</value></summary>
    public int Overlap { get; init; } = 64;

    /// <summary>Tune on D4 test-time-augmented maps (use it when predictions will use <c>--tta</c>). <value>The default value is false.</value></summary>
    public bool TestTimeAugmentation { get; init; }

    /// <summary>The device. <value>The default value is <see cref="DevicePreference.Auto"/>.</value></summary>
    public DevicePreference Device { get; init; } = DevicePreference.Auto;

    /// <summary>Throws an <see cref="InputException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        Check("--thresholds", Thresholds, v => v is > 0 and < 1, "in (0, 1)");
        Check("--interior-thresholds", InteriorThresholds, v => v is > 0 and < 1, "in (0, 1)");
        Check("--score-thresholds", ScoreThresholds, v => v is >= 0 and <= 1, "in [0, 1]");
        Check("--mask-thresholds", MaskThresholds, v => v is >= 0 and < 1, "in [0, 1)");
        Check("--min-peak-distances", MinPeakDistances, v => v >= 0, "0 or more");
        TiledPrediction.ValidateTiling(Tile, Overlap);
        Fixed.Validate();
    }

    private static void Check(string name, IReadOnlyList<double> values, Func<double, bool> valid, string range)
    {
        if (values is null || values.Count == 0) throw new InputException($"{name}: give at least one value.");
        foreach (double v in values)
            if (!valid(v)) throw new InputException($"{name}: every value must be {range}, got {v.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
    }
}
