using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Research.Torch.Sam;

/// <summary>
/// TinyViT's <c>PatchMerging</c> between stages: 1x1 conv, GELU, depthwise 3x3 conv, GELU, 1x1 conv (each + batch
/// norm). The depthwise conv has stride 2, except for 320, 448 or 576 output channels, where the official code keeps
/// the resolution (MobileSAM's last merge: the encoder's 64 x 64 output relies on it). Takes B x C x H x W or B x HW x C
/// tokens of <c>resolution</c>, returns B x H'W' x C' tokens.
/// </summary>
public sealed class PatchMerging : Module<Tensor, Tensor>
{
    private readonly Sequential conv1;
    private readonly Sequential conv2;
    private readonly Sequential conv3;
    private readonly (int H, int W) resolution;

    /// <summary>Creates the layer.</summary>
    public PatchMerging((int H, int W) resolution, int inChannels, int outChannels) : base(nameof(PatchMerging))
    {
        this.resolution = resolution;
        conv1 = ConvBn.Create(inChannels, outChannels);
        conv2 = ConvBn.Create(outChannels, outChannels, 3, Stride(outChannels), 1, groups: outChannels);
        conv3 = ConvBn.Create(outChannels, outChannels);
        RegisterComponents();
    }

    /// <summary>The depthwise conv's stride for <paramref name="outChannels"/> (the official rule).</summary>
    public static int Stride(int outChannels) => outChannels is 320 or 448 or 576 ? 1 : 2;

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var scope = NewDisposeScope();
        var x = input.dim() == 3 ? input.view(input.shape[0], resolution.H, resolution.W, -1).permute(0, 3, 1, 2) : input;
        x = functional.gelu(conv1.call(x));
        x = functional.gelu(conv2.call(x));
        x = conv3.call(x);
        return x.flatten(2).transpose(1, 2).MoveToOuterDisposeScope();
    }
}
