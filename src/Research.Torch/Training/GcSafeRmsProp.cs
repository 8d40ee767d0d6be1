using Research.Torch.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Research.Torch.Training;

/// <summary>
/// RMSprop with the arithmetic, options and state of TorchSharp's <see cref="RMSProp"/>, with every Scalar of the step
/// held for its native call (see <see cref="GcSafe"/>).
/// </summary>
public sealed class GcSafeRmsProp : RMSProp
{
    /// <summary>Creates the optimiser; the defaults are those of <c>torch.optim.RMSprop</c> except the learning rate (TorchSharp's 1e-3).</summary>
    public GcSafeRmsProp(IEnumerable<Parameter> parameters, double learningRate = 1e-3, double alpha = 0.99, double eps = 1e-8,
        double weightDecay = 0, double momentum = 0, bool centered = false, bool maximize = false)
        : base(parameters, learningRate, alpha, eps, weightDecay, momentum, centered, maximize)
    {
    }

    /// <inheritdoc />
    public override Tensor step(Func<Tensor>? closure = null) => _step<ParamGroup>(group =>
    {
        var options = group.Options;
        bool maximize = options.maximize!.Value, centered = options.centered!.Value;
        double momentum = options.momentum!.Value, alpha = options.alpha!.Value, decay = options.weight_decay!.Value;
        double eps = options.eps!.Value, lr = options.LearningRate!.Value;
        using Scalar sAlpha = alpha.ToScalar(), sKeep = (1.0 - alpha).ToScalar(), sDecay = decay.ToScalar(), sEps = eps.ToScalar();
        using Scalar sMomentum = momentum.ToScalar(), sStep = (0.0 - lr).ToScalar(), one = 1.ToScalar(), minusOne = (-1).ToScalar();
        foreach (var parameter in group.Parameters)
        {
            var state = (State)_state[parameter.Handle];
            var grad = parameter.grad;
            if (grad is null) continue;
            if (maximize) grad = grad.neg();
            state.step++;
            if (decay != 0.0) grad = grad.add(parameter, sDecay);
            state.square_avg.mul_(sAlpha).addcmul_(grad, grad, sKeep);
            Tensor denominator;
            if (centered)
            {
                var average = state.grad_avg;
                average.mul_(sAlpha).add_(grad, sKeep);
                denominator = state.square_avg.addcmul(average, average, minusOne).sqrt_().add_(sEps, one);
            }
            else
            {
                denominator = state.square_avg.sqrt().add_(sEps, one);
            }
            if (momentum > 0.0)
            {
                var buffer = state.momentum_buffer;
                buffer.mul_(sMomentum).addcdiv_(grad, denominator, one);
                parameter.add_(buffer, sStep);
            }
            else
            {
                parameter.addcdiv_(grad, denominator, sStep);
            }
        }
    }, closure);
}
