using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Research.Torch.Detection.MaskRcnn;

/// <summary>torchvision's <c>BackboneWithFPN</c>: the ResNet trunk (<c>body</c>) and the feature pyramid (<c>fpn</c>, 256 channels).</summary>
public sealed class DetectionBackbone : Module<Tensor, IReadOnlyList<Tensor>>
{
    private readonly ResNetBody body;
    private readonly FeaturePyramid fpn;

    /// <summary>Builds the backbone <paramref name="name"/> (resnet18, resnet34 or resnet50), with trainable batch norm when <paramref name="batchNorm"/> (see <see cref="ResNetBody"/>).</summary>
    public DetectionBackbone(string name, int outChannels = 256, bool batchNorm = false) : base(nameof(DetectionBackbone))
    {
        body = new ResNetBody(name, batchNorm);
        fpn = new FeaturePyramid(body.OutChannels, outChannels);
        RegisterComponents();
    }

    /// <summary>The ResNet trunk.</summary>
    public ResNetBody Body => body;

    /// <summary>The channels of every pyramid level.</summary>
    public int OutChannels => fpn.OutChannels;

    /// <summary>P2-P6 of a batch (finest first).</summary>
    public override IReadOnlyList<Tensor> forward(Tensor input) => fpn.call(body.call(input));
}

/// <summary>torchvision's <c>RPNHead</c>: a shared 3 x 3 convolution with ReLU (<c>conv.0.0</c>), then per anchor an objectness logit (<c>cls_logits</c>) and four box deltas (<c>bbox_pred</c>).</summary>
public sealed class RpnHead : Module<Tensor, (Tensor Objectness, Tensor Deltas)>
{
    private readonly Sequential conv;
    private readonly Module<Tensor, Tensor> cls_logits;
    private readonly Module<Tensor, Tensor> bbox_pred;

    /// <summary>A head over <paramref name="channels"/> channels with <paramref name="anchors"/> anchors per location.</summary>
    public RpnHead(int channels, int anchors) : base(nameof(RpnHead))
    {
        conv = Sequential(Sequential(Conv2d(channels, channels, 3, padding: 1)));
        cls_logits = Conv2d(channels, anchors, 1);
        bbox_pred = Conv2d(channels, anchors * 4, 1);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override (Tensor Objectness, Tensor Deltas) forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var t = functional.relu(conv.call(input));
        return (cls_logits.call(t).MoveToOuterDisposeScope(), bbox_pred.call(t).MoveToOuterDisposeScope());
    }
}
