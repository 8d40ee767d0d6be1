using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Research.Torch.Training;

/// <summary>Creates the optimisers (TorchSharp's, made safe from the Scalar collection race: see <see cref="Research.Torch.Runtime.GcSafe"/>) and sets their learning rate.</summary>
public static class OptimizerFactory
{
    /// <summary>Creates the optimiser over the model's parameters that require gradients (frozen layers stay out).</summary>
    public static OptimizerHelper Create(OptimizerKind kind, nn.Module model, double learningRate, double momentum)
    {
        ArgumentNullException.ThrowIfNull(model);
        var parameters = model.parameters().Where(p => p.requires_grad).ToList();
        return kind switch
        {
            OptimizerKind.Adam => new GcSafeAdam(parameters, learningRate),
            OptimizerKind.Rmsprop => new GcSafeRmsProp(parameters, learningRate),
            OptimizerKind.Sgd => new GcSafeSgd(parameters, learningRate, momentum),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    /// <summary>Sets the learning rate of every parameter group.</summary>
    public static void SetLearningRate(OptimizerHelper optimizer, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        foreach (var group in optimizer.ParamGroups) group.LearningRate = learningRate;
    }
}
