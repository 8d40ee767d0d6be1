using Research.Torch.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Research.Torch.Models;

/// <summary>Settings of <see cref="CResUnet"/>.</summary>
public sealed record CResUnetOptions
{
    /// <summary>Input channels (the colour-space unit maps them to one). <value>The default value is 3.</value></summary>
    public int InChannels { get; init; } = 3;

    /// <summary>Output channels: 1 logit, or 3 for the instance head. <value>The default value is 1.</value></summary>
    public int OutChannels { get; init; } = 1;
}

/// <summary>
/// c-ResUnet (Morelli et al. 2021, Fluorescent Neuronal Cells): a colour-space unit (1x1 conv to 1 channel, BN, ELU);
/// block 1 conv3x3(16)-BN-ELU-conv3x3(16) then max-pool; residual blocks at 32 and 64 channels (1x1 conv shortcut plus
/// two BN-ELU-conv3x3, added, then max-pool); a bridge at 128 channels of two residual units with 5x5 convolutions;
/// three decoder stages (2x2 stride-2 transposed conv, concatenate the skip, two BN-ELU-conv3x3, add the transposed-conv
/// output); a 1x1 convolution to logits. Convolutions use He-normal initialisation.
/// </summary>
public sealed class CResUnet : Module<Tensor, Tensor>
{
    private readonly Sequential colour;
    private readonly Sequential block1;
    private readonly ModuleList<ResidualUnit> encoders = new();
    private readonly ModuleList<ResidualUnit> bridge = new();
    private readonly ModuleList<ConvTranspose2d> ups = new();
    private readonly ModuleList<Sequential> decoders = new();
    private readonly Conv2d head;
    private readonly MaxPool2d pool = MaxPool2d(2);

    /// <summary>Builds the network.</summary>
    public CResUnet(CResUnetOptions options) : base("c-resunet")
    {
        colour = Sequential(("conv", Conv2d(options.InChannels, 1, 1)), ("bn", new GcSafeBatchNorm2d(1)), ("elu", new GcSafeElu()));
        block1 = Sequential(("conv1", Conv2d(1, 16, 3, padding: 1)), ("bn", new GcSafeBatchNorm2d(16)), ("elu", new GcSafeElu()), ("conv2", Conv2d(16, 16, 3, padding: 1)));
        encoders.Add(new ResidualUnit(16, 32, 3));
        encoders.Add(new ResidualUnit(32, 64, 3));
        bridge.Add(new ResidualUnit(64, 128, 5));
        bridge.Add(new ResidualUnit(128, 128, 5));
        foreach (long filters in new long[] { 64, 32, 16 })
        {
            ups.Add(ConvTranspose2d(filters * 2, filters, 2, stride: 2));
            decoders.Add(Sequential(("unit1", ConvBlocks.BnEluConv(filters * 2, filters, 3)), ("unit2", ConvBlocks.BnEluConv(filters, filters, 3))));
        }
        head = Conv2d(16, options.OutChannels, 1);
        RegisterComponents();
        foreach (var module in modules())
        {
            if (module is Conv2d conv) init.kaiming_normal_(conv.weight);
            if (module is ConvTranspose2d deconv) init.kaiming_normal_(deconv.weight);
        }
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var skips = new List<Tensor>();
        var x = block1.call(colour.call(input));
        skips.Add(x);
        x = pool.call(x);
        foreach (var encoder in encoders)
        {
            x = encoder.call(x);
            skips.Add(x);
            x = pool.call(x);
        }
        foreach (var unit in bridge) x = unit.call(x);
        for (int i = 0; i < ups.Count; i++)
        {
            var up = ups[i].call(x);
            x = GcSafe.Add(decoders[i].call(ConvBlocks.ConcatSkip(up, skips[^(i + 1)])), up);
        }
        return head.call(x).MoveToOuterDisposeScope();
    }

    /// <summary>Residual unit: shortcut (1x1 conv when channels change) plus two BN-ELU-conv(k x k).</summary>
    private sealed class ResidualUnit : Module<Tensor, Tensor>
    {
        private readonly Module<Tensor, Tensor> shortcut;
        private readonly Sequential body;

        public ResidualUnit(long inChannels, long outChannels, int kernel) : base("residual")
        {
            shortcut = inChannels == outChannels ? Identity() : Conv2d(inChannels, outChannels, 1);
            body = Sequential(("unit1", ConvBlocks.BnEluConv(inChannels, outChannels, kernel)), ("unit2", ConvBlocks.BnEluConv(outChannels, outChannels, kernel)));
            RegisterComponents();
        }

        public override Tensor forward(Tensor input) => GcSafe.Add(shortcut.call(input), body.call(input));
    }
}
