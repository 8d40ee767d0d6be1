using Research.Torch.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Research.Torch.Sam;

/// <summary>
/// TinyViT's inverted residual block (<c>MBConv</c>): 1x1 expansion by 4, depthwise 3x3, 1x1 projection (each conv +
/// batch norm, GELU after the first two), the input added, GELU. On B x C x H x W maps.
/// </summary>
public sealed class MbConv : Module<Tensor, Tensor>
{
    private readonly Sequential conv1;
    private readonly Sequential conv2;
    private readonly Sequential conv3;

    /// <summary>Creates the block for <paramref name="channels"/> channels and expansion <paramref name="expand"/>.</summary>
    public MbConv(int channels, double expand) : base(nameof(MbConv))
    {
        int hidden = (int)(channels * expand);
        conv1 = ConvBn.Create(channels, hidden);
        conv2 = ConvBn.Create(hidden, hidden, 3, 1, 1, groups: hidden);
        conv3 = ConvBn.Create(hidden, channels);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = functional.gelu(conv1.call(input));
        x = functional.gelu(conv2.call(x));
        x = conv3.call(x);
        return functional.gelu(GcSafe.Add(x, input)).MoveToOuterDisposeScope();
    }
}
