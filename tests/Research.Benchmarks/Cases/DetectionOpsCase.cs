using System.Globalization;
using System.Runtime.InteropServices;
using Research.Benchmarks.Harness;
using Research.Torch.Detection;
using Research.Torch.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Research.Benchmarks.Cases;

/// <summary>
/// The detection operators of issue 16 against torchvision 0.14 (tests/reference/detection_ops_bench.py), 2 threads,
/// on seeded inputs written as raw float32 files: <c>roi-align-1000</c> pools 1,000 boxes (inside an 800 x 800
/// image, sides 8-400 px) from a 1 x 256 x 200 x 200 level (scale 1/4, 7 x 7, sampling ratio 2, not aligned, as
/// Mask R-CNN's box pooler); <c>nms-5000</c> suppresses 5,000 boxes at IoU 0.7 (as its RPN). Target: ratio 1.5
/// (issue 16).
/// </summary>
public sealed class DetectionOpsCase(bool roiAlign) : IBenchmarkCase
{
    /// <inheritdoc />
    public string Name => roiAlign ? "roi-align-1000" : "nms-5000";

    /// <inheritdoc />
    public string What => roiAlign ? "roi_align 1,000 boxes, 256x200x200, 7x7, ratio 2" : "nms 5,000 boxes, IoU 0.7";

    /// <inheritdoc />
    public CasePlan Prepare(CaseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        TorchRuntime.EnsureLoaded();
        torch.set_num_threads(2);
        var generator = new torch.Generator(16);
        using var side = 400.0.ToScalar();
        using var one = 1.ToScalar();
        using var minimum = 8.0.ToScalar();
        int count = roiAlign ? 1000 : 5000;
        var xy = rand(count, 2, generator: generator).mul(side);
        var wh = rand(count, 2, generator: generator).mul(side).clamp_min(minimum);
        var boxes = cat([xy, xy.add(wh, one)], 1).contiguous();
        if (roiAlign)
        {
            var features = randn(1, 256, 200, 200, generator: generator);
            var rois = cat([zeros(count, 1), boxes], 1).contiguous();
            Write(context, "features.f32", features);
            Write(context, "rois.f32", rois);
            Tensor? last = null;
            return new CasePlan(
                Ours: () => { last?.Dispose(); last = RoiAlign.Apply(features, rois, 7, 7, 0.25, 2, aligned: false); },
                Reference: new ReferenceScript("detection_ops_bench.py", ["roi_align", context.WorkDirectory]),
                Comparisons: [new Comparison("torchvision 0.14", "torchvision", Target.RatioAtMost(1.5))],
                Fixture: new Dictionary<string, string> { ["features"] = "1x256x200x200", ["boxes"] = "1000", ["seed"] = "16" },
                OursFingerprint: () => string.Create(CultureInfo.InvariantCulture,
                    $"shape={string.Join('x', last!.shape)} sum={last.to_type(ScalarType.Float64).sum().item<double>():F1}"));
        }
        var scores = rand(count, generator: generator);
        Write(context, "boxes.f32", boxes);
        Write(context, "scores.f32", scores);
        Tensor? keep = null;
        return new CasePlan(
            Ours: () => { keep?.Dispose(); keep = Nms.Apply(boxes, scores, 0.7); },
            Reference: new ReferenceScript("detection_ops_bench.py", ["nms", context.WorkDirectory]),
            Comparisons: [new Comparison("torchvision 0.14", "torchvision", Target.RatioAtMost(1.5))],
            Fixture: new Dictionary<string, string> { ["boxes"] = "5000", ["seed"] = "16" },
            OursFingerprint: () => string.Create(CultureInfo.InvariantCulture,
                $"kept={keep!.numel()} index-sum={keep.sum().item<long>()}"));
    }

    private static void Write(CaseContext context, string name, Tensor values)
    {
        float[] data = values.contiguous().data<float>().ToArray();
        File.WriteAllBytes(Path.Combine(context.WorkDirectory, name), MemoryMarshal.AsBytes(data.AsSpan()).ToArray());
    }
}
