using Research.Torch.Models;
using Research.Torch.Runtime;
using static TorchSharp.torch;

namespace Research.Torch.Tests.Models;

/// <summary><see cref="GcSafeElu"/> computes exactly what <c>torch.nn.ELU()</c> computes, forward and backward.</summary>
public sealed class GcSafeEluTests
{
    public GcSafeEluTests() => TorchRuntime.EnsureLoaded();

    [Fact]
    public void Forward_and_gradient_equal_torchsharps_elu_bit_for_bit()
    {
        using var scope = NewDisposeScope();
        var values = tensor(new float[] { -30f, -2f, -0.5f, -1e-6f, 0f, 1e-6f, 0.5f, 3f }, requires_grad: true);
        var copy = values.detach().clone().requires_grad_(true);
        using var reference = nn.ELU();
        using var safe = new GcSafeElu();
        var expected = reference.call(values);
        var actual = safe.call(copy);
        Assert.True(expected.eq(actual).all().item<bool>());
        Assert.Equal(MathF.Exp(-2f) - 1f, actual[1].item<float>(), 6);
        Assert.Equal(3f, actual[7].item<float>());
        expected.sum().backward();
        actual.sum().backward();
        Assert.True(values.grad!.eq(copy.grad!).all().item<bool>());
        Assert.Empty(safe.parameters());
    }
}
