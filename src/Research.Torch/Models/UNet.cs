using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Research.Torch.Models;

/// <summary>Settings of <see cref="UNet"/>.</summary>
public sealed record UNetOptions
{
    /// <summary>Input channels. <value>The default value is 1.</value></summary>
    public int InChannels { get; init; } = 1;

    /// <summary>Output channels: 1 logit (binary), 3 (background, interior, boundary) or K classes. <value>The default value is 1.</value></summary>
    public int OutChannels { get; init; } = 1;

    /// <summary>Filters of the first level; doubled at each level down. <value>The default value is 32.</value></summary>
    public int BaseFilters { get; init; } = 32;

    /// <summary>Number of pooling levels. <value>The default value is 4.</value></summary>
    public int Depth { get; init; } = 4;
}

/// <summary>
/// Ronneberger-style U-Net: per level two conv3x3-BatchNorm-ReLU (convolutions without bias, as BatchNorm follows),
/// 2x2 max-pool down, 2x2 stride-2 transposed convolution up, skip concatenation, a 1x1 convolution to logits.
/// Input sizes must be divisible by 2^depth (the trainer and predictor pad).
/// </summary>
public sealed class UNet : Module<Tensor, Tensor>
{
    private readonly ModuleList<Sequential> encoders = new();
    private readonly Sequential bottleneck;
    private readonly ModuleList<ConvTranspose2d> ups = new();
    private readonly ModuleList<Sequential> decoders = new();
    private readonly Conv2d head;
    private readonly MaxPool2d pool = MaxPool2d(2);

    /// <summary>Builds the network.</summary>
    public UNet(UNetOptions options)
        : this("unet", options.InChannels, options.OutChannels, options.BaseFilters, options.Depth,
            (inChannels, outChannels) => ConvBlocks.ConvBnRelu(inChannels, outChannels, 2))
    {
    }

    /// <summary>The encoder-decoder with another block per level (see <see cref="Bh2019UNet"/>).</summary>
    internal UNet(string name, int inChannels, int outChannels, int baseFilters, int depth, Func<long, long, Sequential> block) : base(name)
    {
        long channels = inChannels;
        for (int level = 0; level < depth; level++)
        {
            long filters = (long)baseFilters << level;
            encoders.Add(block(channels, filters));
            channels = filters;
        }
        bottleneck = block(channels, channels * 2);
        channels *= 2;
        for (int level = depth - 1; level >= 0; level--)
        {
            long filters = (long)baseFilters << level;
            ups.Add(ConvTranspose2d(channels, filters, 2, stride: 2));
            decoders.Add(block(filters * 2, filters));
            channels = filters;
        }
        head = Conv2d(channels, outChannels, 1);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var skips = new List<Tensor>();
        var x = input;
        foreach (var encoder in encoders)
        {
            x = encoder.call(x);
            skips.Add(x);
            x = pool.call(x);
        }
        x = bottleneck.call(x);
        for (int i = 0; i < ups.Count; i++)
        {
            x = decoders[i].call(ConvBlocks.ConcatSkip(ups[i].call(x), skips[^(i + 1)]));
        }
        return head.call(x).MoveToOuterDisposeScope();
    }
}
