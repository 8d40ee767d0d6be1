using TorchSharp;
using static TorchSharp.torch;

namespace Research.Torch.Runtime;

/// <summary>
/// Tensor arithmetic that keeps its <see cref="Scalar"/> operands alive until the native call has returned.
/// <para>
/// Why: in TorchSharp 0.107 a <see cref="Scalar"/> wraps native memory and frees it in its finaliser. Every implicit
/// conversion (<c>x * 2.0</c>, <c>t.add_(g, 1 - beta)</c>) and several convenience overloads (<c>a + b</c> is
/// <c>a.add(b, 1)</c>; <c>ELU</c>, <c>BatchNorm</c> and the optimisers' <c>step</c>) create a Scalar that is
/// unreachable once its handle has been read, i.e. while the native call still runs. A garbage collection triggered by
/// another thread (our background batch loader allocates a lot) can then finalise it, and the freed memory is often
/// reused at once by the next Scalar: the call fails ("argument alpha must not be a floating point number" ended a
/// DSB2018 run in epoch 37) or, worse, silently uses another value. The cure is to hold every Scalar in a local that
/// is disposed after the call (<c>using var s = value.ToScalar();</c>); this class and the <c>GcSafe*</c> modules and
/// optimisers do that, and <c>ScalarSafetyTests</c> keeps the library free of the unsafe forms.
/// </para>
/// </summary>
public static class GcSafe
{
    /// <summary><c>a + b</c> (element-wise, broadcasting) with the alpha of 1 held for the call.</summary>
    public static Tensor Add(Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(a);
        using var one = 1.ToScalar();
        return a.add(b, one);
    }

    /// <summary>Runs <paramref name="operation"/> with <paramref name="value"/> as a Scalar that stays alive until it returns.</summary>
    public static Tensor With(double value, Func<Scalar, Tensor> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        using var scalar = value.ToScalar();
        return operation(scalar);
    }
}
