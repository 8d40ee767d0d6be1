using Research.Torch.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Research.Torch.Detection.MaskRcnn;

/// <summary>
/// torchvision's <c>FeaturePyramidNetwork</c> with <c>LastLevelMaxPool</c> (Lin et al. 2017): 1 x 1 lateral
/// convolutions (<c>inner_blocks.i.0</c>), a top-down path of nearest-neighbour upsampling and addition, 3 x 3 output
/// convolutions (<c>layer_blocks.i.0</c>), and P6 as a stride-2 subsampling of the coarsest output. Outputs P2-P5 and
/// P6 (torchvision's '0' to '3' and 'pool'), finest first.
/// </summary>
public sealed class FeaturePyramid : Module<IReadOnlyList<Tensor>, IReadOnlyList<Tensor>>
{
    private readonly ModuleList<Sequential> inner_blocks = new();
    private readonly ModuleList<Sequential> layer_blocks = new();

    /// <summary>A pyramid over inputs of <paramref name="inChannels"/> channels, every output <paramref name="outChannels"/> channels.</summary>
    public FeaturePyramid(IReadOnlyList<int> inChannels, int outChannels) : base(nameof(FeaturePyramid))
    {
        ArgumentNullException.ThrowIfNull(inChannels);
        foreach (int c in inChannels)
        {
            inner_blocks.Add(Sequential(Conv2d(c, outChannels, 1)));
            layer_blocks.Add(Sequential(Conv2d(outChannels, outChannels, 3, padding: 1)));
        }
        OutChannels = outChannels;
        RegisterComponents();
    }

    /// <summary>The channels of every output.</summary>
    public int OutChannels { get; }

    /// <inheritdoc />
    public override IReadOnlyList<Tensor> forward(IReadOnlyList<Tensor> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var scope = NewDisposeScope();
        int last = input.Count - 1;
        var lastInner = inner_blocks[last].call(input[last]);
        var results = new List<Tensor> { layer_blocks[last].call(lastInner) };
        for (int i = last - 1; i >= 0; i--)
        {
            var lateral = inner_blocks[i].call(input[i]);
            var topDown = functional.interpolate(lastInner, [lateral.shape[^2], lateral.shape[^1]], mode: InterpolationMode.Nearest);
            lastInner = GcSafe.Add(lateral, topDown);
            results.Insert(0, layer_blocks[i].call(lastInner));
        }
        results.Add(functional.max_pool2d(results[^1], 1, 2, 0));
        return [.. results.Select(r => r.MoveToOuterDisposeScope())];
    }
}
