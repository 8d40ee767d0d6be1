using Research.Datasets.Synthetic;
using Research.Processing.Labels;
using Research.Torch.Losses;
using Research.Torch.Models;
using Research.Torch.Runtime;

namespace Research.Torch.Training;

/// <summary>Everything that determines a training run; saved as <c>RUN/config.json</c>.</summary>
public sealed record TrainingOptions
{
    /// <summary>The dataset id. <value>The default value is <c>synthetic-nuclei</c>.</value></summary>
    public string Dataset { get; init; } = SyntheticNucleiGenerator.DatasetId;

    /// <summary>The dataset's root folder (null for the generated synthetic dataset). <value>The default value is null.</value></summary>
    public string? DatasetRoot { get; init; }

    /// <summary>Settings of the generated synthetic dataset (its seed is the run's seed). <value>The default value is 16 images of 128 px.</value></summary>
    public SyntheticNucleiOptions Synthetic { get; init; } = new() { Count = 16, Size = 128 };

    /// <summary>The model. <value>The default value is <see cref="ModelKind.Unet"/>.</value></summary>
    public ModelKind Model { get; init; } = ModelKind.Unet;

    /// <summary>mask-rcnn: the ResNet trunk (resnet18, resnet34, resnet50). <value>The default value is resnet50, torchvision's.</value></summary>
    public string Backbone { get; init; } = "resnet50";

    /// <summary>mask-rcnn: classes including the background (objects of every label image are class 1). <value>The default value is 2.</value></summary>
    public int Classes { get; init; } = 2;

    /// <summary>
    /// mask-rcnn: the magnification at which crops and whole images meet the network (torchvision resizes every image's
    /// shorter side to 800 px instead; a fixed factor keeps objects at one size whatever the image size). <value>The default value is 1.</value>
    /// </summary>
    public double DetectionScale { get; init; } = 1;

    /// <summary>mask-rcnn: the most detections kept per image (torchvision's <c>box_detections_per_img</c>). <value>The default value is 100.</value></summary>
    public int DetectionsPerImage { get; init; } = 100;

    /// <summary>mask-rcnn: one anchor size per pyramid level P2-P6, in network pixels (after <see cref="DetectionScale"/>). <value>The default value is torchvision's 32, 64, 128, 256, 512.</value></summary>
    public IReadOnlyList<int> AnchorSizes { get; init; } = [32, 64, 128, 256, 512];

    /// <summary>mask-rcnn: proposals sampled per image for the box and mask heads' losses (torchvision's <c>box_batch_size_per_image</c>). <value>The default value is 512.</value></summary>
    public int RoiBatchSize { get; init; } = 512;

    /// <summary>mask-rcnn: an object cut by a training crop stays a training object when at least this fraction of it remains (see <c>CutObjects</c>). <value>The default value is 0.25.</value></summary>
    public double CutObjectFraction { get; init; } = 0.25;

    /// <summary>mask-rcnn: initial weights (a torchvision state dict or a run folder), or null to start from random weights. <value>The default value is null.</value></summary>
    public string? Init { get; init; }

    /// <summary>
    /// mask-rcnn: frozen batch norm and a frozen stem and layer1, as torchvision fine-tunes from trained weights (set with
    /// <see cref="Init"/>); false trains batch norm, as torchvision does from scratch. <value>The default value is false.</value>
    /// </summary>
    public bool FrozenBatchNorm { get; init; }

    /// <summary>Base filters of unet and bh2019-unet (c-resunet has fixed widths). <value>The default value is 16.</value></summary>
    public int BaseFilters { get; init; } = 16;

    /// <summary>The loss. <value>The default value is <see cref="LossKind.BceDice"/>.</value></summary>
    public LossKind Loss { get; init; } = LossKind.BceDice;

    /// <summary>Weight-map settings for <see cref="LossKind.WeightedBce"/>. <value>The default value is c-ResUnet's (1, 1.5, sigma 25).</value></summary>
    public WeightMapOptions WeightMap { get; init; } = new();

    /// <summary>The optimiser. <value>The default value is <see cref="OptimizerKind.Adam"/>.</value></summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Adam;

    /// <summary>Initial learning rate. <value>The default value is 0.001.</value></summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Momentum of SGD. <value>The default value is 0.9.</value></summary>
    public double Momentum { get; init; } = 0.9;

    /// <summary>The learning-rate schedule. <value>The default value is <see cref="ScheduleKind.Plateau"/>.</value></summary>
    public ScheduleKind Schedule { get; init; } = ScheduleKind.Plateau;

    /// <summary>Plateau: epochs without improvement before the rate is reduced. <value>The default value is 3.</value></summary>
    public int PlateauPatience { get; init; } = 3;

    /// <summary>Plateau and step: the factor the rate is multiplied by. <value>The default value is 0.5.</value></summary>
    public double ScheduleFactor { get; init; } = 0.5;

    /// <summary>Step: epochs between reductions. <value>The default value is 10.</value></summary>
    public int StepEpochs { get; init; } = 10;

    /// <summary>The smallest learning rate of plateau and cosine. <value>The default value is 1e-6.</value></summary>
    public double MinLearningRate { get; init; } = 1e-6;

    /// <summary>Stop after this many epochs without a better validation loss (0 = never). <value>The default value is 0.</value></summary>
    public int EarlyStoppingPatience { get; init; }

    /// <summary>cross-entropy: the weight of the boundary class (see <see cref="Losses.CrossEntropyLoss"/>). <value>The default value is 1.</value></summary>
    public double BoundaryWeight { get; init; } = 1;

    /// <summary>Number of epochs. <value>The default value is 20.</value></summary>
    public int Epochs { get; init; } = 20;

    /// <summary>Crops per batch. <value>The default value is 4.</value></summary>
    public int BatchSize { get; init; } = 4;

    /// <summary>Side of the square training crops; a multiple of the model's stride. <value>The default value is 128.</value></summary>
    public int CropSize { get; init; } = 128;

    /// <summary>Fraction of source images held out for validation (at least one). <value>The default value is 0.2.</value></summary>
    public double ValidationFraction { get; init; } = 0.2;

    /// <summary>The seed of weights, data order, crops, augmentation and dropout. <value>The default value is 42.</value></summary>
    public ulong Seed { get; init; } = 42;

    /// <summary>The device. <value>The default value is <see cref="DevicePreference.Auto"/>.</value></summary>
    public DevicePreference Device { get; init; } = DevicePreference.Auto;

    /// <summary>On-the-fly augmentation. <value>The default value is <see cref="AugmentKind.None"/>.</value></summary>
    public AugmentKind Augment { get; init; } = AugmentKind.None;

    /// <summary>Grey (1 channel) or RGB (3 channels) model input. <value>The default value is <see cref="InputColour.Grey"/>.</value></summary>
    public InputColour Colour { get; init; } = InputColour.Grey;

    /// <summary>Input normalisation, applied again by prediction. <value>The default value is percentiles 0.5 to 99.5 scaled to [0, 1].</value></summary>
    public InputNormalization Normalization { get; init; } = new();

    /// <summary>Memory for decoded samples of a manifest dataset (least recently used ones are dropped). <value>The default value is 1024 MB.</value></summary>
    public int CacheMegabytes { get; init; } = 1024;

    /// <summary>Batches the loader thread prepares ahead. <value>The default value is 4.</value></summary>
    public int PrefetchBatches { get; init; } = 4;

    /// <summary>libtorch intra-op threads (0 = libtorch's default). <value>The default value is 0.</value></summary>
    public int Threads { get; init; }

    /// <summary>Throws an <see cref="InputException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        int stride = ModelRegistry.Stride(Model);
        if (Epochs < 1) throw new InputException($"--epochs must be at least 1, got {Epochs}.");
        if (BatchSize < 1) throw new InputException($"--batch must be at least 1, got {BatchSize}.");
        if (CropSize < stride || CropSize % stride != 0)
        {
            throw new InputException($"--size {CropSize} is not a multiple of {stride}, the stride of {ModelRegistry.NameOf(Model)} (2 to the number of poolings); use {Math.Max(stride, (CropSize + stride - 1) / stride * stride)}.");
        }
        if (!(LearningRate > 0 && double.IsFinite(LearningRate))) throw new InputException($"--lr must be a positive number, got {LearningRate}.");
        if (ValidationFraction is <= 0 or >= 1) throw new InputException($"The validation fraction must be in (0, 1), got {ValidationFraction}.");
        if (BaseFilters < 1) throw new InputException($"Base filters must be at least 1, got {BaseFilters}.");
        if (PrefetchBatches < 1) throw new InputException($"Prefetch must be at least 1 batch, got {PrefetchBatches}.");
        if (Threads < 0) throw new InputException($"Threads must be 0 (default) or more, got {Threads}.");
        Normalization.Validate();
        if (CacheMegabytes < 0) throw new InputException($"The sample cache must be 0 MB or more, got {CacheMegabytes}.");
        if (!(BoundaryWeight > 0 && double.IsFinite(BoundaryWeight))) throw new InputException($"--boundary-weight must be a positive number, got {BoundaryWeight}.");
        if (BoundaryWeight != 1 && Loss != LossKind.CrossEntropy) throw new InputException($"--boundary-weight weights the boundary class of --loss cross-entropy; the {LossRegistry.NameOf(Loss)} loss has no classes.");
        if (Model == ModelKind.MaskRcnn)
        {
            if (!Research.Torch.Detection.MaskRcnn.ResNetBody.Names.Contains(Backbone))
                throw new InputException($"Unknown backbone '{Backbone}'. Available backbones: {string.Join(", ", Research.Torch.Detection.MaskRcnn.ResNetBody.Names)}.");
            if (Classes < 2) throw new InputException($"mask-rcnn needs at least 2 classes (background and object), got {Classes}.");
            if (!(DetectionScale is > 0 and <= 8)) throw new InputException($"--detection-scale must be in (0, 8], got {DetectionScale}.");
            if (AnchorSizes is null || AnchorSizes.Count != 5 || AnchorSizes.Any(a => a < 1))
                throw new InputException($"--anchor-sizes: give 5 positive sizes, one per pyramid level P2-P6 (torchvision's are 32 64 128 256 512).");
            if (RoiBatchSize < 1) throw new InputException($"--roi-batch must be at least 1, got {RoiBatchSize}.");
            if (DetectionsPerImage < 1) throw new InputException($"--detections must be at least 1, got {DetectionsPerImage}.");
            if (CutObjectFraction is < 0 or > 1) throw new InputException($"--keep-cut must be in [0, 1], got {CutObjectFraction}.");
            // a fold's circular shift splits objects on its seam into two pieces of one label: one box over both
            if (Augment == AugmentKind.Fold113) throw new InputException("--augment fold113 shifts images circularly, which splits objects on the seam into two pieces of one label; mask-rcnn takes --augment random or none.");
        }
        else if (Init is not null) throw new InputException($"--init starts mask-rcnn from trained weights; {ModelRegistry.NameOf(Model)} has no --init.");
        if (Loss == LossKind.CrossEntropy && Model == ModelKind.Bh2019Unet) throw new InputException("bh2019-unet has one sigmoid output and cannot be trained with cross-entropy; use unet or c-resunet.");
    }

    /// <summary>Output channels of the model for the loss.</summary>
    public int OutputChannels => Model == ModelKind.MaskRcnn ? Classes : LossRegistry.Create(Loss).OutputChannels;
}
