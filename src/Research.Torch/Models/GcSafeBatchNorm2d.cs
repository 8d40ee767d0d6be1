using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Research.Torch.Models;

/// <summary>
/// 2-D batch normalisation with exactly the arithmetic and state of <c>torch.nn.BatchNorm2d</c> (same buffers and
/// state-dict keys, momentum 0.1, running statistics in evaluation), but safe from a garbage-collection race in
/// TorchSharp 0.107's <c>BatchNorm.forward</c>: it increments <c>num_batches_tracked</c> with <c>add_(1)</c>, whose
/// implicitly created <see cref="Scalar"/> objects are unreachable while the native call runs, so a collection
/// triggered by another thread (our background batch loader allocates a lot) can finalise and free them mid-call. A
/// DSB2018 training run died that way after 36 epochs ("For integral input tensors, argument alpha must not be a
/// floating point number": the freed alpha's memory had been reused by a floating-point Scalar). Here the Scalar is
/// held in a local until the call has returned.
/// </summary>
public sealed class GcSafeBatchNorm2d : BatchNorm
{
    /// <summary>Creates the module for <paramref name="features"/> channels (eps 1e-5, momentum 0.1, affine, tracking running statistics).</summary>
    public GcSafeBatchNorm2d(long features) : base(features, 1e-5, 0.1, true, true, null, null, nameof(BatchNorm2d))
    {
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ValidateInputDimensions(input);
        double factor = momentum ?? 0.0;
        if (training && track_running_stats && num_batches_tracked is not null)
        {
            using var one = 1L.ToScalar();
            num_batches_tracked.add_(one, one);
            if (momentum is null) factor = 1.0 / num_batches_tracked.item<long>();
        }
        bool batchStatistics = training || running_mean is null || running_var is null;
        bool passRunning = !training || track_running_stats;
        return nn.functional.batch_norm(input, passRunning ? running_mean : null, passRunning ? running_var : null, weight, bias, batchStatistics, factor, eps);
    }

    /// <inheritdoc />
    protected override void ValidateInputDimensions(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.ndim != 4) throw new ArgumentException($"GcSafeBatchNorm2d expects a 4-D input (N, C, H, W), got {input.ndim}-D.", nameof(input));
    }
}
