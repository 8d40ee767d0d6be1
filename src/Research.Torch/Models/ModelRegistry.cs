using TorchSharp;
using static TorchSharp.torch;

namespace Research.Torch.Models;

/// <summary>Builds models by name; an unknown name lists the valid ones.</summary>
public static class ModelRegistry
{
    private static readonly Dictionary<string, ModelKind> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["unet"] = ModelKind.Unet,
        ["bh2019-unet"] = ModelKind.Bh2019Unet,
        ["c-resunet"] = ModelKind.CResUnet,
        ["mask-rcnn"] = ModelKind.MaskRcnn,
    };

    /// <summary>The registered names, in a fixed order.</summary>
    public static IReadOnlyList<string> AvailableNames { get; } = ["unet", "bh2019-unet", "c-resunet", "mask-rcnn"];

    /// <summary>The models whose output is a per-pixel map (all but mask-rcnn).</summary>
    public static IReadOnlyList<string> PixelMapNames { get; } = ["unet", "bh2019-unet", "c-resunet"];

    /// <summary>Whether <paramref name="kind"/> predicts a per-pixel map (false: boxes and masks per object).</summary>
    public static bool IsPixelMap(ModelKind kind) => kind != ModelKind.MaskRcnn;

    /// <summary>The kind for a name, or an <see cref="InputException"/> listing the available names.</summary>
    public static ModelKind Parse(string name) =>
        Names.TryGetValue(name, out var kind)
            ? kind
            : throw new InputException($"Unknown model '{name}'. Available models: {string.Join(", ", AvailableNames)}.");

    /// <summary>The canonical name of a kind.</summary>
    public static string NameOf(ModelKind kind) => Names.First(p => p.Value == kind).Key;

    /// <summary>Builds a model with default settings except input and output channels.</summary>
    public static nn.Module<Tensor, Tensor> Create(ModelKind kind, int inChannels = 1, int outChannels = 1, int? baseFilters = null) => kind switch
    {
        ModelKind.Unet => new UNet(new UNetOptions { InChannels = inChannels, OutChannels = outChannels, BaseFilters = baseFilters ?? 32 }),
        ModelKind.Bh2019Unet when outChannels == 1 => Bh2019UNet.Create(new Bh2019UNetOptions { InChannels = inChannels, BaseFilters = baseFilters ?? 16 }),
        ModelKind.Bh2019Unet => throw new InputException("bh2019-unet has one sigmoid output; use unet or c-resunet for a 3-class head."),
        ModelKind.CResUnet => new CResUnet(new CResUnetOptions { InChannels = inChannels, OutChannels = outChannels }),
        ModelKind.MaskRcnn => throw new InvalidOperationException("mask-rcnn is not a per-pixel map; build it with MaskRcnnRuns.CreateModel"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The number of trainable parameters of a model.</summary>
    public static long ParameterCount(nn.Module module) => module.parameters().Sum(p => p.numel());

    /// <summary>How much each input side must divide by (2 to the number of pooling levels).</summary>
    public static int Stride(ModelKind kind) => kind switch
    {
        ModelKind.Unet => 16,
        ModelKind.MaskRcnn => 32,
        _ => 8,
    };
}
