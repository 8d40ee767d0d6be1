using Research.Torch.Runtime;

namespace Research.Torch.Models;

/// <summary>One trainable architecture as <c>research train --model NAME</c> builds it by default.</summary>
/// <param name="Name">The registered name.</param>
/// <param name="Backbone">The backbone (mask-rcnn: one row per backbone), else null.</param>
/// <param name="Output">What the model predicts.</param>
/// <param name="BaseFilters">The base filters at train's default (null when the architecture has a fixed width).</param>
/// <param name="Parameters">Trainable parameters with one grey input channel, one output channel and the default width; for mask-rcnn
/// the count torchvision reports for <c>maskrcnn_&lt;backbone&gt;_fpn(num_classes=2)</c> built without weights.</param>
/// <param name="Stride">What each input side must divide by.</param>
public sealed record ModelEntry(string Name, string? Backbone, string Output, int? BaseFilters, long Parameters, int Stride);

/// <summary>The trainable architectures of <see cref="ModelRegistry"/>, with their parameter counts at train's defaults (<c>research models list</c>).</summary>
public static class ModelCatalog
{
    /// <summary>Train's default base filters (<c>--base-filters</c>).</summary>
    public const int DefaultBaseFilters = 16;

    /// <summary>Builds each registered model once (grey input, one output: train's defaults) and counts its parameters.</summary>
    public static IReadOnlyList<ModelEntry> Entries()
    {
        TorchRuntime.EnsureLoaded();
        var entries = new List<ModelEntry>();
        foreach (string name in ModelRegistry.PixelMapNames)
        {
            ModelKind kind = ModelRegistry.Parse(name);
            int? width = kind == ModelKind.CResUnet ? null : DefaultBaseFilters;
            using var model = ModelRegistry.Create(kind, inChannels: 1, outChannels: 1, baseFilters: width);
            string output = kind == ModelKind.Bh2019Unet ? "per-pixel foreground logit"
                : "per-pixel foreground logit, or 3 classes (background, interior, boundary) with --loss cross-entropy";
            entries.Add(new ModelEntry(name, null, output, width, ModelRegistry.ParameterCount(model), ModelRegistry.Stride(kind)));
        }
        foreach (string backbone in Research.Torch.Detection.MaskRcnn.ResNetBody.Names)
        {
            using var model = new Research.Torch.Detection.MaskRcnn.MaskRcnnModel(backbone, 2, batchNorm: true);
            entries.Add(new ModelEntry("mask-rcnn", backbone, "boxes, scores and masks per object (background and object classes)", null,
                model.TorchvisionParameterCount, ModelRegistry.Stride(ModelKind.MaskRcnn)));
        }
        return entries;
    }
}
