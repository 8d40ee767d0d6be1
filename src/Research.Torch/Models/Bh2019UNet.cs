using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Research.Torch.Models;

/// <summary>Settings of <see cref="Bh2019UNet"/>.</summary>
public sealed record Bh2019UNetOptions
{
    /// <summary>Input channels. <value>The default value is 1.</value></summary>
    public int InChannels { get; init; } = 1;

    /// <summary>Filters of the first level (the original used 128; smaller by default for the CPU). <value>The default value is 16.</value></summary>
    public int BaseFilters { get; init; } = 16;

    /// <summary>2-D spatial dropout after the 1st and 3rd convolution of each block. <value>The default value is 0.1.</value></summary>
    public double Dropout { get; init; } = 0.1;
}

/// <summary>
/// The U-Net of the BioHackathon 2019 mouse-kidney EM nucleus work: three pooling levels and a bottleneck; each block
/// four conv3x3-BatchNorm-ReLU with 2-D spatial dropout after the 1st and 3rd; transposed-convolution up and skip
/// concatenation; one output logit (the sigmoid is applied by the loss and at prediction).
/// </summary>
public sealed class Bh2019UNet : Module<Tensor, Tensor>
{
    private const int Levels = 3;
    private readonly ModuleList<Sequential> encoders = new();
    private readonly Sequential bottleneck;
    private readonly ModuleList<ConvTranspose2d> ups = new();
    private readonly ModuleList<Sequential> decoders = new();
    private readonly Conv2d head;
    private readonly MaxPool2d pool = MaxPool2d(2);

    /// <summary>Builds the network.</summary>
    public Bh2019UNet(Bh2019UNetOptions options) : base("bh2019-unet")
    {
        long channels = options.InChannels;
        for (int level = 0; level < Levels; level++)
        {
            long filters = (long)options.BaseFilters << level;
            encoders.Add(Block(channels, filters, options.Dropout));
            channels = filters;
        }
        bottleneck = Block(channels, channels * 2, options.Dropout);
        channels *= 2;
        for (int level = Levels - 1; level >= 0; level--)
        {
            long filters = (long)options.BaseFilters << level;
            ups.Add(ConvTranspose2d(channels, filters, 2, stride: 2));
            decoders.Add(Block(filters * 2, filters, options.Dropout));
            channels = filters;
        }
        head = Conv2d(channels, 1, 1);
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

    private static Sequential Block(long inChannels, long outChannels, double dropout) =>
        ConvBlocks.ConvBnRelu(inChannels, outChannels, 4, dropout, 1, 3);
}
