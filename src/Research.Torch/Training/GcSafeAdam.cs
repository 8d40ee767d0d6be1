using Research.Torch.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Research.Torch.Training;

/// <summary>
/// Adam with the arithmetic, options and state of TorchSharp's <see cref="Adam"/> (so its state dictionaries and
/// checkpoints are interchangeable), but with every Scalar of the step held until its native call returns: the
/// original creates about six implicit Scalars per parameter tensor per step, each exposed to the collection race
/// described in <see cref="GcSafe"/>.
/// </summary>
public sealed class GcSafeAdam : Adam
{
    /// <summary>Creates the optimiser; the defaults are those of <c>torch.optim.Adam</c>.</summary>
    public GcSafeAdam(IEnumerable<Parameter> parameters, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8,
        double weightDecay = 0, bool amsgrad = false, bool maximize = false)
        : base(parameters, learningRate, beta1, beta2, eps, weightDecay, amsgrad, maximize)
    {
    }

    /// <inheritdoc />
    public override Tensor step(Func<Tensor>? closure = null) => _step<ParamGroup>(group =>
    {
        var options = group.Options;
        double beta1 = options.beta1!.Value, beta2 = options.beta2!.Value, decay = options.weight_decay!.Value;
        double eps = options.eps!.Value, lr = options.LearningRate!.Value;
        bool amsgrad = options.amsgrad!.Value, maximize = options.maximize!.Value;
        using var update = new AdamUpdate(beta1, beta2, eps, lr);
        using Scalar sDecay = decay.ToScalar();
        foreach (var parameter in group.Parameters)
        {
            var state = (State)_state[parameter.Handle];
            var grad = parameter.grad;
            if (grad is null) continue;
            if (maximize) grad = grad.neg();
            state.step++;
            if (decay != 0.0) grad = grad.add(parameter, sDecay);
            state.max_exp_avg_sq = update.Apply(parameter, grad, state.step, state.exp_avg, state.exp_avg_sq, state.max_exp_avg_sq, amsgrad)!;
        }
    }, closure);
}
