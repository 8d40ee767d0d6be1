using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Research.Torch.Training;

/// <summary>
/// The moment update and parameter step that Adam and AdamW share (TorchSharp's arithmetic, step for step), with every
/// Scalar held for one optimiser group (see <see cref="Runtime.GcSafe"/>); <see cref="GcSafeAdam"/> and
/// <see cref="GcSafeAdamW"/> differ only in where the weight decay enters.
/// </summary>
internal sealed class AdamUpdate : IDisposable
{
    private readonly double _beta1, _beta2, _lr;
    private readonly Scalar _sBeta1, _sBeta2, _sEps, _sKeep1, _sKeep2, _one;

    public AdamUpdate(double beta1, double beta2, double eps, double lr)
    {
        (_beta1, _beta2, _lr) = (beta1, beta2, lr);
        _sBeta1 = beta1.ToScalar();
        _sBeta2 = beta2.ToScalar();
        _sEps = eps.ToScalar();
        _sKeep1 = (1.0 - beta1).ToScalar();
        _sKeep2 = (1.0 - beta2).ToScalar();
        _one = 1.ToScalar();
    }

    /// <summary>Step <paramref name="step"/> (already counted) of <paramref name="parameter"/>; returns the new AMSGrad maximum (the old one disposed), or null without AMSGrad.</summary>
    public Tensor? Apply(Parameter parameter, Tensor grad, long step, Tensor expAvg, Tensor expAvgSq, Tensor? maxExpAvgSq, bool amsgrad)
    {
        double bias1 = 1.0 - Math.Pow(_beta1, step), bias2 = 1.0 - Math.Pow(_beta2, step);
        expAvg.mul_(_sBeta1).add_(grad, _sKeep1);
        expAvgSq.mul_(_sBeta2).addcmul_(grad, grad.conj(), _sKeep2);
        using Scalar sBias2 = Math.Sqrt(bias2).ToScalar(), sStep = (0.0 - _lr / bias1).ToScalar();
        Tensor second = expAvgSq;
        if (amsgrad)
        {
            var next = maximum(maxExpAvgSq!, expAvgSq).DetachFromDisposeScope();
            maxExpAvgSq!.Dispose();
            maxExpAvgSq = next;
            second = next;
        }
        var denominator = second.sqrt().div_(sBias2).add_(_sEps, _one);
        parameter.addcdiv_(expAvg, denominator, sStep);
        return maxExpAvgSq;
    }

    public void Dispose()
    {
        _sBeta1.Dispose();
        _sBeta2.Dispose();
        _sEps.Dispose();
        _sKeep1.Dispose();
        _sKeep2.Dispose();
        _one.Dispose();
    }
}
