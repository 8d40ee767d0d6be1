using Research.Processing.Labels;
using Research.Torch.Runtime;

namespace Research.Torch.Inference;

/// <summary>Settings of <c>research predict</c>.</summary>
public sealed record PredictOptions
{
    /// <summary>The training run folder whose <c>checkpoints/best</c> is used.</summary>
    public required string RunFolder { get; init; }

    /// <summary>An image file or a flat folder of images (PNG, TIFF, JPEG, BMP); or null with <see cref="Dataset"/>.</summary>
    public string? Input { get; init; }

    /// <summary>A manifest dataset id whose split at <see cref="DatasetRoot"/> is predicted (instead of <see cref="Input"/>).</summary>
    public string? Dataset { get; init; }

    /// <summary>The split folder of <see cref="Dataset"/> (e.g. <c>.../dsb2018/stage1_test</c>).</summary>
    public string? DatasetRoot { get; init; }

    /// <summary>The output folder (one 16-bit label TIFF per image and <c>submission.csv</c>).</summary>
    public required string Output { get; init; }

    /// <summary>Tile side in pixels, rounded up to the model's stride. <value>The default value is 512.</value></summary>
    public int Tile { get; init; } = 512;

    /// <summary>Overlap of neighbouring tiles in pixels, blended with a cosine ramp. <value>The default value is 64.</value></summary>
    public int Overlap { get; init; } = 64;

    /// <summary>Average the predictions of the 8 D4 transforms (test-time augmentation). <value>The default value is false.</value></summary>
    public bool TestTimeAugmentation { get; init; }

    /// <summary>Post-processing to instance labels. <value>The default value is the defaults of <see cref="InstanceSeparationOptions"/>.</value></summary>
    public InstanceSeparationOptions Separation { get; init; } = new();

    /// <summary>Where <see cref="Separation"/> came from (recorded in provenance), e.g. "defaults" or "RUN/postprocessing.json + command line". <value>The default value is "defaults".</value></summary>
    public string SeparationSource { get; init; } = "defaults";

    /// <summary>mask-rcnn: detections scoring below this are left out. <value>The default value is 0.5.</value></summary>
    public double ScoreThreshold { get; init; } = 0.5;

    /// <summary>mask-rcnn: a detection's mask is its probabilities above this. <value>The default value is 0.5.</value></summary>
    public double MaskThreshold { get; init; } = 0.5;

    /// <summary>The device. <value>The default value is <see cref="DevicePreference.Auto"/>.</value></summary>
    public DevicePreference Device { get; init; } = DevicePreference.Auto;

    /// <summary>Throws an <see cref="InputException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if ((Input is null) == (Dataset is null)) throw new InputException("Give exactly one of --input FILE|DIR or --dataset ID --root DIR.");
        if (Dataset is not null && DatasetRoot is null) throw new InputException($"--dataset {Dataset} needs --root DIR, the folder of the split (e.g. .../dsb2018/stage1_test).");
        if (Dataset is null && DatasetRoot is not null) throw new InputException("--root names the split of --dataset; with --input it has no meaning.");
        TiledPrediction.ValidateTiling(Tile, Overlap);
        Separation.Validate();
        if (ScoreThreshold is < 0 or > 1) throw new InputException($"--score-threshold must be in [0, 1], got {ScoreThreshold}.");
        if (MaskThreshold is < 0 or >= 1) throw new InputException($"--mask-threshold must be in [0, 1), got {MaskThreshold}.");
    }
}
