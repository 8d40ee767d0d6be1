using System.Globalization;
using System.Runtime.InteropServices;
using Research.Benchmarks.Harness;
using Research.Torch.Runtime;
using Research.Torch.Sam;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Research.Benchmarks.Cases;

/// <summary>
/// Issue 17's encoder benchmark: one image-encoder forward of a 1 x 3 x 1024 x 1024 input, 2 threads, evaluation mode
/// without autograd, ours against the official code in PyTorch 1.13 (tests/reference/sam_encoder_bench.py), with the
/// same random weights (built here from seed 17, saved with TorchSharp.PyBridge, loaded by the script). Target: ratio
/// at most 1.0 (issue 17). <c>sam-encoder-vit-t</c> is MobileSAM's TinyViT; <c>sam-encoder-vit-b</c> SAM's ViT-B (1 + 3
/// runs for vit-t, 0 + 1 for vit-b: the reference takes minutes per pass here).
/// </summary>
public sealed class SamEncoderCase(string variant) : IBenchmarkCase
{
    /// <inheritdoc />
    public string Name => $"sam-encoder-{variant}";

    /// <inheritdoc />
    public string What => $"SAM {variant} image encoder, 1024x1024, 2 threads";

    /// <inheritdoc />
    public RunCounts FullCounts => variant == "vit-t" ? new(1, 3) : new(0, 1);

    /// <inheritdoc />
    public RunCounts QuickCounts => variant == "vit-t" ? new(1, 3) : new(0, 1);

    /// <inheritdoc />
    public CasePlan Prepare(CaseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        TorchRuntime.EnsureLoaded();
        torch.set_num_threads(2);
        torch.manual_seed(17);
        var model = new SamModel(SamConfig.ForVariant(variant));
        model.eval();
        model.save_py(Path.Combine(context.WorkDirectory, "weights.pth"));
        var input = randn(1, 3, 1024, 1024, generator: new torch.Generator(17));
        float[] data = input.contiguous().data<float>().ToArray();
        File.WriteAllBytes(Path.Combine(context.WorkDirectory, "input.f32"), MemoryMarshal.AsBytes(data.AsSpan()).ToArray());
        Tensor? last = null;
        return new CasePlan(
            Ours: () =>
            {
                last?.Dispose();
                using var noGrad = no_grad();
                last = model.ImageEncoder.call(input);
            },
            Reference: new ReferenceScript("sam_encoder_bench.py", [variant, context.WorkDirectory]),
            Comparisons: [new Comparison("official, PyTorch 1.13", "official", Target.RatioAtMost(1.0))],
            Fixture: new Dictionary<string, string> { ["input"] = "1x3x1024x1024 randn", ["seed"] = "17", ["variant"] = variant },
            OursFingerprint: () => string.Create(CultureInfo.InvariantCulture,
                $"shape={string.Join('x', last!.shape)} sum={last.to_type(ScalarType.Float64).sum().item<double>():F0}"));
    }
}
