using Research.Torch.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Research.Torch.Detection.MaskRcnn;

/// <summary>
/// The ResNet trunk of torchvision's detection backbones (<c>resnet18</c>, <c>resnet34</c>: basic blocks;
/// <c>resnet50</c>: bottlenecks with the stride on the 3 x 3 convolution, "ResNet v1.5"), with frozen batch
/// normalisation and the state-dict names of torchvision (<c>conv1</c>, <c>bn1</c>, <c>layer1.0.conv1</c>,
/// <c>layer1.0.downsample.0</c>, ...), returning the outputs of layer1 to layer4 (strides 4, 8, 16, 32) as
/// torchvision's <c>IntermediateLayerGetter</c> does. Written here rather than taken from TorchSharp's TorchVision
/// 0.107, whose ResNet returns only its classifier output and has no frozen batch norm in its blocks. With
/// <c>batchNorm</c> the normalisation layers are ordinary (trainable) batch norm instead, as torchvision builds them when
/// a detection model starts without trained weights (<c>norm_layer = BatchNorm2d if not is_trained</c>): frozen batch
/// norm at its initial values is the identity, so a trunk trained from scratch would have no normalisation at all.
/// </summary>
public sealed class ResNetBody : Module<Tensor, IReadOnlyList<Tensor>>
{
    /// <summary>The backbones this trunk builds.</summary>
    public static IReadOnlyList<string> Names { get; } = ["resnet18", "resnet34", "resnet50"];

    private readonly Conv2d conv1;
    private readonly Module<Tensor, Tensor> bn1;
    private readonly Sequential layer1, layer2, layer3, layer4;

    /// <summary>Builds <paramref name="name"/> (one of <see cref="Names"/>).</summary>
    /// <exception cref="ArgumentException">Another name (the message lists the valid ones).</exception>
    public ResNetBody(string name, bool batchNorm = false) : base(nameof(ResNetBody))
    {
        Module<Tensor, Tensor> Norm(int channels) => batchNorm ? new Research.Torch.Models.GcSafeBatchNorm2d(channels) : new FrozenBatchNorm2d(channels);
        (int[] blocks, bool bottleneck) = name switch
        {
            "resnet18" => (new[] { 2, 2, 2, 2 }, false),
            "resnet34" => (new[] { 3, 4, 6, 3 }, false),
            "resnet50" => (new[] { 3, 4, 6, 3 }, true),
            _ => throw new ArgumentException($"unknown backbone '{name}': use one of {string.Join(", ", Names)}", nameof(name)),
        };
        int expansion = bottleneck ? 4 : 1;
        conv1 = Conv2d(3, 64, 7, stride: 2, padding: 3, bias: false);
        bn1 = Norm(64);
        int inPlanes = 64;
        Sequential Layer(int planes, int count, int stride)
        {
            var list = new List<Module<Tensor, Tensor>>();
            for (int i = 0; i < count; i++)
            {
                int s = i == 0 ? stride : 1;
                bool down = i == 0 && (s != 1 || inPlanes != planes * expansion);
                list.Add(bottleneck ? new Bottleneck(inPlanes, planes, s, down, Norm) : new BasicBlock(inPlanes, planes, s, down, Norm));
                inPlanes = planes * expansion;
            }
            return Sequential(list);
        }
        layer1 = Layer(64, blocks[0], 1);
        layer2 = Layer(128, blocks[1], 2);
        layer3 = Layer(256, blocks[2], 2);
        layer4 = Layer(512, blocks[3], 2);
        OutChannels = [64 * expansion, 128 * expansion, 256 * expansion, 512 * expansion];
        RegisterComponents();
    }

    /// <summary>
    /// torchvision's <c>trainable_layers=3</c>, its default when a detection model starts from trained weights: the stem
    /// (<c>conv1</c>, <c>bn1</c>) and <c>layer1</c> stop requiring gradients, so no optimiser moves them.
    /// </summary>
    public void FreezeStemAndLayer1()
    {
        foreach (var p in conv1.parameters().Concat(bn1.parameters()).Concat(layer1.parameters())) p.requires_grad = false;
    }

    /// <summary>The channels of the four outputs.</summary>
    public IReadOnlyList<int> OutChannels { get; }

    /// <inheritdoc />
    public override IReadOnlyList<Tensor> forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = functional.relu(bn1.call(conv1.call(input)));
        x = functional.max_pool2d(x, 3, 2, 1);
        var c2 = layer1.call(x);
        var c3 = layer2.call(c2);
        var c4 = layer3.call(c3);
        var c5 = layer4.call(c4);
        return [c2.MoveToOuterDisposeScope(), c3.MoveToOuterDisposeScope(), c4.MoveToOuterDisposeScope(), c5.MoveToOuterDisposeScope()];
    }

    private static Sequential Downsample(int inPlanes, int outPlanes, int stride, Func<int, Module<Tensor, Tensor>> norm) =>
        Sequential(Conv2d(inPlanes, outPlanes, 1, stride: stride, bias: false), norm(outPlanes));

    private sealed class BasicBlock : Module<Tensor, Tensor>
    {
        private readonly Conv2d conv1, conv2;
        private readonly Module<Tensor, Tensor> bn1, bn2;
        private readonly Sequential? downsample;

        public BasicBlock(int inPlanes, int planes, int stride, bool down, Func<int, Module<Tensor, Tensor>> norm) : base(nameof(BasicBlock))
        {
            conv1 = Conv2d(inPlanes, planes, 3, stride: stride, padding: 1, bias: false);
            bn1 = norm(planes);
            conv2 = Conv2d(planes, planes, 3, padding: 1, bias: false);
            bn2 = norm(planes);
            downsample = down ? Downsample(inPlanes, planes, stride, norm) : null;
            RegisterComponents();
        }

        public override Tensor forward(Tensor input)
        {
            using var scope = NewDisposeScope();
            var x = functional.relu(bn1.call(conv1.call(input)));
            x = bn2.call(conv2.call(x));
            var identity = downsample is null ? input : downsample.call(input);
            return functional.relu(GcSafe.Add(x, identity)).MoveToOuterDisposeScope();
        }
    }

    private sealed class Bottleneck : Module<Tensor, Tensor>
    {
        private readonly Conv2d conv1, conv2, conv3;
        private readonly Module<Tensor, Tensor> bn1, bn2, bn3;
        private readonly Sequential? downsample;

        public Bottleneck(int inPlanes, int planes, int stride, bool down, Func<int, Module<Tensor, Tensor>> norm) : base(nameof(Bottleneck))
        {
            conv1 = Conv2d(inPlanes, planes, 1, bias: false);
            bn1 = norm(planes);
            conv2 = Conv2d(planes, planes, 3, stride: stride, padding: 1, bias: false);
            bn2 = norm(planes);
            conv3 = Conv2d(planes, planes * 4, 1, bias: false);
            bn3 = norm(planes * 4);
            downsample = down ? Downsample(inPlanes, planes * 4, stride, norm) : null;
            RegisterComponents();
        }

        public override Tensor forward(Tensor input)
        {
            using var scope = NewDisposeScope();
            var x = functional.relu(bn1.call(conv1.call(input)));
            x = functional.relu(bn2.call(conv2.call(x)));
            x = bn3.call(conv3.call(x));
            var identity = downsample is null ? input : downsample.call(input);
            return functional.relu(GcSafe.Add(x, identity)).MoveToOuterDisposeScope();
        }
    }
}
