using Research.Datasets.Synthetic;
using Research.Torch.Models;
using Research.Torch.Runtime;
using Research.Torch.Training;

namespace Research.Torch.Workflows;

/// <summary>Settings of <c>research quickstart</c>, the main job on the embedded <c>synthetic-nuclei</c> dataset.</summary>
public sealed record QuickstartOptions
{
    /// <summary>The output folder. <value>The default value is <c>quickstart-output</c>.</value></summary>
    public string OutputFolder { get; init; } = "quickstart-output";

    /// <summary>Replace an existing, non-empty output folder. <value>The default value is false.</value></summary>
    public bool Force { get; init; }

    /// <summary>The synthetic dataset to generate. <value>The default value is 16 images of 256 x 256 px, 8-bit, seed 42.</value></summary>
    public SyntheticNucleiOptions Dataset { get; init; } = new();

    /// <summary>How many images the preview shows. <value>The default value is 4.</value></summary>
    public int PreviewImages { get; init; } = 4;

    /// <summary>
    /// The small U-Net trained on the generated data (its dataset and seed are taken from <see cref="Dataset"/>).
    /// <value>The default value is unet with 8 base filters, 64 px crops, batch 4, 5 epochs, learning rate 0.003, one thread per core, CPU.</value>
    /// </summary>
    public TrainingOptions Training { get; init; } = new()
    {
        Model = ModelKind.Unet, BaseFilters = 8, CropSize = 64, BatchSize = 4, Epochs = 5, LearningRate = 3e-3, Device = DevicePreference.Cpu,
    };

    /// <summary>The command line, recorded in provenance.</summary>
    public string? CommandLine { get; init; }
}
