using Research.Torch.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Research.Torch.Training;

/// <summary>
/// SGD (optionally with momentum) with the arithmetic, options and state of TorchSharp's <see cref="SGD"/>, with every
/// Scalar of the step held for its native call (see <see cref="GcSafe"/>).
/// </summary>
public sealed class GcSafeSgd : SGD
{
    /// <summary>Creates the optimiser; the defaults are those of <c>torch.optim.SGD</c>.</summary>
    public GcSafeSgd(IEnumerable<Parameter> parameters, double learningRate, double momentum = 0, double dampening = 0, double weightDecay = 0,
        bool nesterov = false, bool maximize = false)
        : base(parameters, learningRate, momentum, dampening, weightDecay, nesterov, maximize)
    {
    }

    /// <inheritdoc />
    public override Tensor step(Func<Tensor>? closure = null) => _step<ParamGroup>(group =>
    {
        var options = group.Options;
        double momentum = options.momentum!.Value, dampening = options.dampening!.Value, decay = options.weight_decay!.Value;
        double lr = options.LearningRate!.Value;
        bool nesterov = options.nesterov!.Value, maximize = options.maximize!.Value;
        using Scalar sMomentum = momentum.ToScalar(), sKeep = (1.0 - dampening).ToScalar(), sDecay = decay.ToScalar();
        using Scalar sStep = (maximize ? lr : 0.0 - lr).ToScalar();
        foreach (var parameter in group.Parameters)
        {
            var state = (State)_state[parameter.Handle];
            var grad = parameter.grad;
            if (grad is null) continue;
            if (decay != 0.0) grad = grad.add(parameter, sDecay);
            if (momentum != 0.0)
            {
                var buffer = state.momentum_buffer;
                if (buffer is null) buffer = state.momentum_buffer = grad.clone().detach().DetachFromDisposeScope();
                else buffer.mul_(sMomentum).add_(grad, sKeep);
                grad = nesterov ? grad.add(buffer, sMomentum) : buffer;
                state.momentum_buffer = buffer;
            }
            parameter.add_(grad, sStep);
        }
    }, closure);
}
