using Research.Torch.Models;
using Research.Torch.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Research.Torch.Tests.Models;

/// <summary><see cref="GcSafeBatchNorm2d"/> computes exactly what <c>torch.nn.BatchNorm2d</c> does, with the same state.</summary>
public sealed class GcSafeBatchNorm2dTests
{
    public GcSafeBatchNorm2dTests() => TorchRuntime.EnsureLoaded();

    private static bool Same(Tensor a, Tensor b) => a.shape.SequenceEqual(b.shape) && a.eq(b).all().item<bool>();

    [Fact]
    public void Training_and_evaluation_match_torch_batchnorm_bit_for_bit_with_the_same_state_keys()
    {
        using var reference = nn.BatchNorm2d(3);
        using var safe = new GcSafeBatchNorm2d(3);
        Assert.Equal(reference.state_dict().Keys.Order(), safe.state_dict().Keys.Order());
        using (no_grad())
        {
            reference.weight!.copy_(tensor(new float[] { 0.5f, 1.5f, -1f }));
            safe.weight!.copy_(reference.weight);
            reference.bias!.copy_(tensor(new float[] { 0.1f, -0.2f, 0.3f }));
            safe.bias!.copy_(reference.bias);
        }
        torch.manual_seed(11);
        for (int step = 0; step < 3; step++)
        {
            using var scope = NewDisposeScope();
            var x = randn(4, 3, 5, 6) * (step + 1) + step;
            Assert.True(Same(reference.call(x), safe.call(x)), $"training step {step}");
        }
        foreach (string key in new[] { "running_mean", "running_var", "num_batches_tracked" })
        {
            Assert.True(Same(reference.state_dict()[key], safe.state_dict()[key]), key);
        }
        Assert.Equal(3L, safe.num_batches_tracked!.item<long>());
        reference.eval();
        safe.eval();
        using var input = randn(2, 3, 5, 6);
        using var expected = reference.call(input);
        using var actual = safe.call(input);
        Assert.True(Same(expected, actual), "evaluation");
        Assert.Equal(3L, safe.num_batches_tracked!.item<long>());
    }

    [Fact]
    public void Inputs_other_than_4_d_are_refused()
    {
        using var safe = new GcSafeBatchNorm2d(2);
        using var flat = zeros(4, 2);
        Assert.Contains("expects a 4-D input", Assert.Throws<ArgumentException>(() => safe.call(flat)).Message, StringComparison.Ordinal);
    }
}
