using Research.Torch.Detection.MaskRcnn;
using Research.Torch.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Research.Torch.Tests.Detection.MaskRcnn;

/// <summary>
/// Mask R-CNN's training losses equal torchvision 0.14's (tests/reference/maskrcnn_reference.py, ResNet-18, the same
/// hash-filled weights) for an image with three objects and for an image without objects, with samplers so large that
/// they take every anchor and proposal (the losses then do not depend on random draws); a few steps lower the loss.
/// </summary>
[Collection(nameof(Research.Torch.Tests.Training.TorchProcessState))]
public sealed class MaskRcnnTrainingTests
{
    public MaskRcnnTrainingTests() => TorchRuntime.EnsureLoaded();

    private static MaskRcnnModel Model()
    {
        var model = new MaskRcnnModel("resnet18", 2, new DetectionTransform { MinSize = 128, MaxSize = 200 });
        model.Rpn.BatchSizePerImage = 1_000_000;
        model.Heads.BatchSizePerImage = 1_000_000;
        MaskRcnnFixtures.Fill(model, "resnet18");
        return model;
    }

    /// <summary>The reference's targets(): three ellipses, label 1.</summary>
    private static MaskRcnnTarget Objects()
    {
        (double Cx, double Cy, double Rx, double Ry)[] shapes = [(20, 18, 9, 6), (52, 40, 12, 15), (35, 50, 6, 5)];
        var masks = new byte[3 * 64 * 80];
        var boxes = new float[12];
        for (int k = 0; k < 3; k++)
        {
            var (cx, cy, rx, ry) = shapes[k];
            int x0 = int.MaxValue, y0 = int.MaxValue, x1 = -1, y1 = -1;
            for (int y = 0; y < 64; y++)
                for (int x = 0; x < 80; x++)
                {
                    double dx = (x + 0.5 - cx) / rx, dy = (y + 0.5 - cy) / ry;
                    if (dx * dx + dy * dy > 1) continue;
                    masks[(k * 64 + y) * 80 + x] = 1;
                    (x0, y0, x1, y1) = (Math.Min(x0, x), Math.Min(y0, y), Math.Max(x1, x), Math.Max(y1, y));
                }
            (boxes[k * 4], boxes[k * 4 + 1], boxes[k * 4 + 2], boxes[k * 4 + 3]) = (x0, y0, x1 + 1, y1 + 1);
        }
        return new MaskRcnnTarget(tensor(boxes, [3, 4]), ones(3, dtype: ScalarType.Int64), tensor(masks, [3, 64, 80]));
    }

    private static MaskRcnnTarget Empty() => new(zeros(0, 4), zeros(0, dtype: ScalarType.Int64), zeros([0, 64, 80], dtype: ScalarType.Byte));

    [Theory]
    [InlineData("objects")]
    [InlineData("empty")]
    public void The_five_losses_equal_torchvisions(string which)
    {
        var golden = MaskRcnnFixtures.Golden.GetProperty("losses_resnet18").GetProperty(which);
        using var model = Model();
        using var target = which == "objects" ? Objects() : Empty();
        if (which == "objects")
            Assert.Equal(MaskRcnnFixtures.Float(MaskRcnnFixtures.Golden.GetProperty("losses_resnet18").GetProperty("target_boxes")).data<float>().ToArray(), target.Boxes.data<float>().ToArray());
        using var losses = model.Losses([MaskRcnnFixtures.Image()], [target]);
        var ours = new Dictionary<string, Tensor>
        {
            ["loss_objectness"] = losses.Objectness, ["loss_rpn_box_reg"] = losses.RpnBox, ["loss_classifier"] = losses.Classifier,
            ["loss_box_reg"] = losses.BoxRegression, ["loss_mask"] = losses.Mask,
        };
        foreach (var (name, value) in ours)
        {
            double expected = golden.GetProperty(name).GetDouble(), actual = value.item<float>();
            Assert.True(Math.Abs(actual - expected) <= 1e-4 * Math.Max(1e-3, Math.Abs(expected)) + 1e-7, $"{which}: {name} is {actual}, torchvision {expected}");
        }
    }

    [Fact]
    public void A_few_steps_lower_the_loss_and_degenerate_boxes_are_refused()
    {
        torch.manual_seed(3);
        using var model = new MaskRcnnModel("resnet18", 2, new DetectionTransform { MinSize = 128, MaxSize = 200 });
        using var target = Objects();
        var image = MaskRcnnFixtures.Image();
        using var optimizer = new Research.Torch.Training.GcSafeSgd(model.parameters(), 0.01, 0.9);
        double first = 0, last = 0;
        for (int step = 0; step < 8; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            using var losses = model.Losses([image], [target]);
            var total = losses.Total();
            total.backward();
            optimizer.step();
            if (step == 0) first = total.item<float>();
            last = total.item<float>();
        }
        Assert.True(last < first, $"loss {first} -> {last}");
        using var bad = new MaskRcnnTarget(tensor(new float[] { 5, 5, 5, 9 }, [1, 4]), ones(1, dtype: ScalarType.Int64), zeros([1, 64, 80], dtype: ScalarType.Byte));
        var e = Assert.Throws<InputException>(() => model.Losses([image], [bad]));
        Assert.Contains("image 0, object 0: box (5, 5, 5, 9) has no width or height", e.Message, StringComparison.Ordinal);
    }
}
