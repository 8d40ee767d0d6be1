using Research.Torch.Runtime;
using TorchSharp;

namespace Research.Torch.Tests.Runtime;

public sealed class TorchRuntimeTests
{
    [Fact]
    public void Creates_a_tensor_and_computes_with_libtorch()
    {
        TorchRuntime.EnsureLoaded();
        using var scope = torch.NewDisposeScope();
        var a = torch.arange(6, dtype: torch.float32).reshape(2, 3);
        var b = torch.ones(3, 2);
        var c = a.matmul(b);
        // [[0,1,2],[3,4,5]] x ones(3,2) = [[3,3],[12,12]]
        Assert.Equal(new long[] { 2, 2 }, c.shape);
        Assert.Equal(new[] { 3f, 3f, 12f, 12f }, c.data<float>().ToArray());
    }

    [Fact]
    public void Reports_the_libtorch_version_it_was_built_for()
    {
        Assert.Equal("2.10.0", TorchRuntime.LibTorchVersion);
        Assert.StartsWith("0.107.0", TorchRuntime.TorchSharpVersion, StringComparison.Ordinal);
    }

    [Fact]
    public void Cpu_preference_always_resolves_to_the_cpu()
    {
        Assert.Equal(DeviceType.CPU, TorchRuntime.ResolveDevice(DevicePreference.Cpu).type);
    }

    [Fact]
    public void Cuda_preference_without_cuda_is_a_clear_input_error()
    {
        if (TorchRuntime.CudaAvailable)
        {
            Assert.Equal(DeviceType.CUDA, TorchRuntime.ResolveDevice(DevicePreference.Cuda).type);
            return;
        }
        var error = Assert.Throws<InputException>(() => TorchRuntime.ResolveDevice(DevicePreference.Cuda));
        Assert.Contains("--device cpu", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_fallback_loader_did_not_copy_libtorch_next_to_the_tests()
    {
        TorchRuntime.EnsureLoaded();
        string baseDir = AppContext.BaseDirectory;
        Assert.False(Directory.Exists(Path.Combine(baseDir, "cpu")), $"{baseDir}cpu exists: TorchSharp's fallback copy ran");
        Assert.Empty(Directory.GetDirectories(baseDir, "cuda-*"));
    }
}
