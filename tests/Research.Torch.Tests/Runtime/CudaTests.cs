using Research.Torch.Models;
using Research.Torch.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Research.Torch.Tests.Runtime;

/// <summary>
/// Tests that need a CUDA device. They carry the trait Category=GPU (select or exclude them with
/// <c>--filter Category=GPU</c> / <c>Category!=GPU</c>) and are reported as skipped, with the reason, where no
/// device is visible (the CPU build, or no NVIDIA driver).
/// </summary>
[Trait("Category", "GPU")]
public sealed class CudaTests
{
    [SkippableFact]
    public void A_unet_forward_and_backward_on_cuda_matches_the_cpu()
    {
        Skip.IfNot(TorchRuntime.CudaAvailable, "No CUDA device is visible to libtorch (CPU build or no NVIDIA driver); this GPU test runs only on a CUDA machine.");
        using var scope = NewDisposeScope();
        random.manual_seed(7);
        var cpuModel = new UNet(new UNetOptions { BaseFilters = 4, Depth = 2 });
        var cudaModel = new UNet(new UNetOptions { BaseFilters = 4, Depth = 2 });
        cudaModel.load_state_dict(cpuModel.state_dict());
        cudaModel.to(CUDA);
        var input = rand(2, 1, 32, 32);
        var cpuOut = cpuModel.call(input);
        var cudaOut = cudaModel.call(input.to(CUDA));
        cpuOut.sum().backward();
        cudaOut.sum().backward();
        Assert.True(cpuOut.allclose(cudaOut.cpu(), rtol: 1e-3, atol: 1e-4), "forward outputs differ between CPU and CUDA");
        var cpuGrad = cpuModel.parameters().First().grad!;
        var cudaGrad = cudaModel.parameters().First().grad!.cpu();
        Assert.True(cpuGrad.allclose(cudaGrad, rtol: 1e-2, atol: 1e-3), "gradients differ between CPU and CUDA");
    }

    [SkippableFact]
    public void Device_auto_resolves_to_cuda_when_a_device_is_visible()
    {
        Skip.IfNot(TorchRuntime.CudaAvailable, "No CUDA device is visible to libtorch; nothing to resolve to.");
        Assert.Equal(DeviceType.CUDA, TorchRuntime.ResolveDevice(DevicePreference.Auto).type);
    }
}
