using Research.Torch.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Research.Torch.Training;

/// <summary>
/// AdamW (Loshchilov and Hutter 2019: weight decay applied to the weights, not added to the gradient) with the
/// arithmetic, options and state of TorchSharp's <see cref="AdamW"/>, so its state files are TorchSharp's, but with
/// every Scalar of the step held until its native call returns (see <see cref="GcSafe"/> and <see cref="GcSafeAdam"/>).
/// </summary>
public sealed class GcSafeAdamW : AdamW
{
    /// <summary>Creates the optimiser; the defaults are those of <c>torch.optim.AdamW</c> (weight decay 0.01).</summary>
    public GcSafeAdamW(IEnumerable<Parameter> parameters, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8,
        double weightDecay = 0.01, bool amsgrad = false, bool maximize = false)
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
        using Scalar sShrink = (1.0 - lr * decay).ToScalar();
        foreach (var parameter in group.Parameters)
        {
            var state = (State)_state[parameter.Handle];
            var grad = parameter.grad;
            if (grad is null) continue;
            if (maximize) grad = grad.neg();
            state.step++;
            parameter.mul_(sShrink);
            state.max_exp_avg_sq = update.Apply(parameter, grad, state.step, state.exp_avg, state.exp_avg_sq, state.max_exp_avg_sq, amsgrad)!;
        }
    }, closure);
}
