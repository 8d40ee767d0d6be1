using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Research.Torch.Sam;

/// <summary>
/// One TinyViT stage (<c>ConvLayer</c> for the first, <c>BasicLayer</c> for the others): its blocks, then a
/// <see cref="PatchMerging"/> to the next stage's width when there is one (<c>downsample</c>).
/// </summary>
public sealed class TinyVitStage : Module<Tensor, Tensor>
{
    private readonly ModuleList<Module<Tensor, Tensor>> blocks = new();
    private readonly PatchMerging? downsample;

    /// <summary>Creates the stage from its blocks and an optional down-sampling layer.</summary>
    public TinyVitStage(IEnumerable<Module<Tensor, Tensor>> stageBlocks, PatchMerging? merging) : base(nameof(TinyVitStage))
    {
        foreach (var block in stageBlocks) blocks.Add(block);
        downsample = merging;
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = input;
        foreach (var block in blocks) x = block.call(x);
        if (downsample is not null) x = downsample.call(x);
        return (ReferenceEquals(x, input) ? x.alias() : x).MoveToOuterDisposeScope();
    }
}
