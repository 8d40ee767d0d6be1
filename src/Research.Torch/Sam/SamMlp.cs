using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Research.Torch.Sam;

/// <summary>
/// The mask decoder's <c>MLP</c>: a number of linear layers (<c>layers.0</c> ... in the state dict) with
/// ReLU between them and none after the last (the hypernetwork MLPs and the IoU head).
/// </summary>
public sealed class SamMlp : Module<Tensor, Tensor>
{
    private readonly ModuleList<Linear> layers = new();

    /// <summary>Creates the MLP: <paramref name="input"/> to <paramref name="hidden"/> ... to <paramref name="output"/>.</summary>
    public SamMlp(long input, long hidden, long output, int count) : base(nameof(SamMlp))
    {
        for (int i = 0; i < count; i++)
            layers.Add(Linear(i == 0 ? input : hidden, i == count - 1 ? output : hidden));
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = input;
        for (int i = 0; i < layers.Count; i++)
        {
            x = layers[i].call(x);
            if (i < layers.Count - 1) x = functional.relu(x);
        }
        return x.MoveToOuterDisposeScope();
    }
}
