using System.Globalization;
using Research.Benchmarks.Fixtures;
using Research.Benchmarks.Harness;
using Research.Torch.Detection.MaskRcnn;
using Research.Torch.Runtime;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Research.Benchmarks.Cases;

/// <summary>
/// The memory of validating a large, dense image at <c>--detection-scale 2</c> (the DSB2018 Mask R-CNN recipe's
/// validation pass): the five training losses without gradient of a ResNet-18-FPN Mask R-CNN (batch norm frozen) on
/// one 1024 x 1024 image with 144 elliptical objects, which the model's transform doubles to 2048 x 2048, 2 threads.
/// Ours (<see cref="MaskRcnnModel.Losses"/>, which reads each mask target through a window around its box,
/// <see cref="MaskTargets"/>) against torchvision 0.14's <c>MaskRCNN(resnet_fpn_backbone("resnet18"))</c> in
/// PyTorch 1.13 (tests/reference/maskrcnn_val_dense_bench.py) under <c>torch.no_grad()</c>, which casts the whole
/// mask stack to float twice (resize, then <c>project_masks_on_boxes</c>). Same weights (ours at seed 16, loaded by
/// torchvision). The point is the peak memory column; the time target is issue 16's 1.0x.
/// </summary>
public sealed class MaskRcnnValidationCase : IBenchmarkCase
{
    private const int Size = 1024, Grid = 12;

    /// <inheritdoc />
    public string Name => "maskrcnn-val-dense";

    /// <inheritdoc />
    public string What => "Mask R-CNN ResNet-18-FPN losses without gradient, 1024x1024 with 144 objects doubled to 2048x2048, 2 threads";

    /// <inheritdoc />
    public RunCounts FullCounts => new(1, 3);

    /// <inheritdoc />
    public RunCounts QuickCounts => new(1, 2);

    /// <inheritdoc />
    public CasePlan Prepare(CaseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        TorchRuntime.EnsureLoaded();
        torch.set_num_threads(2);
        torch.manual_seed(16);
        var model = new MaskRcnnModel("resnet18", 2, new DetectionTransform { MinSize = 2 * Size, MaxSize = 2 * Size });
        model.save_py(Path.Combine(context.WorkDirectory, "weights.pth"));
        var image = rand(3, Size, Size, generator: new torch.Generator(16));
        var labels = new int[Size * Size];
        int cell = Size / Grid;
        for (int label = 1; label <= Grid * Grid; label++)
        {
            int gx = (label - 1) % Grid, gy = (label - 1) / Grid;
            DetectionFixtures.PaintEllipse(labels, Size, gx * cell + cell / 2, gy * cell + cell / 2, 12 + (label % 5) * 4, 10 + (label % 7) * 3, label);
        }
        var target = InstanceTargets.FromLabels(labels, Size, Size, 1, out _);
        DetectionFixtures.Write(context.WorkDirectory, "", image, target);
        return new CasePlan(
            Ours: () =>
            {
                using var scope = NewDisposeScope();
                using var noGrad = no_grad();
                using var losses = model.Losses([image], [target], updateNormStatistics: false);
                losses.Total().item<float>();
            },
            Reference: new ReferenceScript("maskrcnn_val_dense_bench.py", [context.WorkDirectory]),
            Comparisons: [new Comparison("torchvision 0.14, PyTorch 1.13", "torchvision", Target.RatioAtMost(1.0))],
            Fixture: new Dictionary<string, string> { ["image"] = "1x3x1024x1024 uniform noise, doubled to 2048x2048", ["objects"] = $"{target.Boxes.shape[0]} ellipses", ["seed"] = "16" },
            OursFingerprint: () => string.Create(CultureInfo.InvariantCulture, $"parameters={model.TorchvisionParameterCount} objects={target.Boxes.shape[0]}"));
    }
}
