using Research.Torch.Detection.MaskRcnn;
using Research.Torch.Runtime;
using static TorchSharp.torch;

namespace Research.Torch.Tests.Detection.MaskRcnn;

/// <summary>
/// Mask R-CNN at inference equals torchvision 0.14's (tests/reference/maskrcnn_reference.py) step by step with the same
/// weights: state-dict names and shapes, the transformed batch, every FPN level, the RPN's proposals, the detections
/// and the pasted masks, for ResNet-18 and ResNet-50 backbones.
/// </summary>
[Collection(nameof(Research.Torch.Tests.Training.TorchProcessState))]
public sealed class MaskRcnnEquivalenceTests
{
    public MaskRcnnEquivalenceTests() => TorchRuntime.EnsureLoaded();

    [Theory]
    [InlineData("resnet18")]
    [InlineData("resnet34")]
    [InlineData("resnet50")]
    public void State_dict_names_and_shapes_are_torchvisions(string backbone)
    {
        using var model = new MaskRcnnModel(backbone, 2);
        var ours = model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.shape);
        var theirs = MaskRcnnFixtures.Keys(backbone).Where(k => !k.Name.EndsWith("num_batches_tracked", StringComparison.Ordinal)).ToList();
        Assert.Equal(theirs.Select(k => k.Name).Order(StringComparer.Ordinal), ours.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, shape) in theirs) Assert.True(shape.SequenceEqual(ours[name]), $"{name}: ours [{string.Join(", ", ours[name])}], torchvision [{string.Join(", ", shape)}]");
    }

    [Theory]
    [InlineData("resnet18")]
    [InlineData("resnet50")]
    public void Inference_equals_torchvision_step_by_step(string backbone)
    {
        var golden = MaskRcnnFixtures.Golden.GetProperty(backbone);
        using var model = new MaskRcnnModel(backbone, 2, new DetectionTransform { MinSize = 128, MaxSize = 200 });
        MaskRcnnFixtures.Fill(model, backbone);
        model.eval();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var image = MaskRcnnFixtures.Image();

        var (batch, sizes) = model.Transform.Apply([image]);
        Assert.Equal(golden.GetProperty("image_sizes")[0].EnumerateArray().Select(e => e.GetInt64()), new[] { sizes[0].Height, sizes[0].Width });
        Assert.True(batch.sub(MaskRcnnFixtures.Float(MaskRcnnFixtures.Golden.GetProperty("batch"))).abs().max().item<float>() < 1e-5, "transformed batch");

        var levels = model.Backbone.call(batch);
        string[] names = ["0", "1", "2", "3", "pool"];
        for (int l = 0; l < 5; l++)
        {
            var expected = golden.GetProperty("features").GetProperty(names[l]);
            Assert.Equal(expected.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()), levels[l].shape);
            double sum = levels[l].to(ScalarType.Float64).sum().item<double>(), absSum = levels[l].to(ScalarType.Float64).abs().sum().item<double>();
            double expectedAbs = expected.GetProperty("abs_sum").GetDouble();
            Assert.True(Math.Abs(absSum - expectedAbs) <= 1e-4 * expectedAbs, $"level {names[l]}: sum of |x| {absSum}, torchvision {expectedAbs}");
            Assert.True(Math.Abs(sum - expected.GetProperty("sum").GetDouble()) <= 1e-4 * expectedAbs, $"level {names[l]}: sum {sum}");
            long stride = expected.GetProperty("stride").GetInt64();
            var flat = levels[l].flatten().data<float>().ToArray();
            var sample = expected.GetProperty("sample").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            for (int i = 0; i < sample.Length; i++)
                Assert.True(Math.Abs(flat[i * stride] - sample[i]) <= 1e-4 * Math.Max(1, Math.Abs(sample[i])), $"level {names[l]}, value {i * stride}: {flat[i * stride]} vs {sample[i]}");
        }

        // The RPN's proposals: torchvision's, in its order.
        var proposals = model.Rpn.Propose(levels, batch.shape[2], batch.shape[3], sizes);
        var expectedProposals = MaskRcnnFixtures.Float(golden.GetProperty("proposals"));
        var (missing, inOrder) = Match(Rows(proposals[0]), Rows(expectedProposals));
        Assert.Equal(expectedProposals.shape[0], proposals[0].shape[0]);
        Assert.True(missing.Count == 0, $"{missing.Count} of our {proposals[0].shape[0]} proposals are not torchvision's, e.g. [{string.Join(", ", missing.FirstOrDefault() ?? [])}]");
        Assert.True(inOrder == proposals[0].shape[0], $"only {inOrder} of {proposals[0].shape[0]} proposals in torchvision's order");

        // The heads on torchvision's own proposals: detections (boxes back in the 64 x 80 image) and pasted masks.
        var detections = model.Heads.Detect([.. levels.Take(4)], [expectedProposals], sizes)[0];
        var boxes = DetectionTransform.ResizeBoxes(detections.Boxes, sizes[0], (64, 80));
        var masks = DetectionTransform.PasteMasks(detections.Masks!, boxes, 64, 80);
        var expectedBoxes = Rows(MaskRcnnFixtures.Float(golden.GetProperty("boxes")));
        var expectedScores = MaskRcnnFixtures.Float(golden.GetProperty("scores")).data<float>().ToArray();
        var labels = golden.GetProperty("labels").EnumerateArray().Select(e => e.GetInt64()).ToArray();
        var sums = golden.GetProperty("mask_sums").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(expectedBoxes.Length, (int)boxes.shape[0]);
        Assert.Equal([boxes.shape[0], 1, 64, 80], masks.shape);
        var ourBoxes = Rows(boxes);
        var ourScores = detections.Scores.data<float>().ToArray();
        var ourLabels = detections.Labels.data<long>().ToArray();
        int matched = 0;
        for (int i = 0; i < ourBoxes.Length; i++)
        {
            int j = Array.FindIndex(expectedBoxes, e => Close(e, ourBoxes[i]) && Math.Abs(expectedScores[Array.IndexOf(expectedBoxes, e)] - ourScores[i]) < 1e-5);
            if (j < 0) continue;
            matched++;
            Assert.Equal(labels[j], ourLabels[i]);
            double sum = masks[i].to(ScalarType.Float64).sum().item<double>();
            Assert.True(Math.Abs(sum - sums[j]) <= 1e-3 * Math.Max(1, sums[j]), $"detection {i}: mask sum {sum}, torchvision {sums[j]}");
            if (j == 0) Assert.True(masks[i, 0].sub(MaskRcnnFixtures.Float(golden.GetProperty("mask0"))).abs().max().item<float>() < 1e-4, "torchvision's first mask");
        }
        Assert.True(matched == ourBoxes.Length, $"only {matched} of {ourBoxes.Length} detections match torchvision's (box within 0.01 px, score within 1e-5)");

        // End to end in one call: torchvision's detections in its order.
        var prediction = model.Predict([image])[0];
        var endToEnd = Rows(prediction.Boxes);
        Assert.Equal(expectedBoxes.Length, endToEnd.Length);
        Assert.All(Enumerable.Range(0, endToEnd.Length), i => Assert.True(Close(endToEnd[i], expectedBoxes[i]), $"detection {i}"));
        Assert.True(prediction.Scores.sub(MaskRcnnFixtures.Float(golden.GetProperty("scores"))).abs().max().item<float>() < 1e-5);
        Assert.Equal([expectedBoxes.Length, 1L, 64, 80], prediction.Masks.shape);
    }

    /// <summary>Our boxes without a torchvision box within 0.01 px (each used once), and how many sit at the same position.</summary>
    private static (List<float[]> Missing, int InOrder) Match(float[][] ours, float[][] theirs)
    {
        int inOrder = Enumerable.Range(0, Math.Min(ours.Length, theirs.Length)).Count(i => Close(ours[i], theirs[i]));
        var unmatched = new List<int>(Enumerable.Range(0, theirs.Length));
        var missing = new List<float[]>();
        foreach (var box in ours)
        {
            int j = unmatched.FindIndex(k => Close(box, theirs[k]));
            if (j < 0) missing.Add(box);
            else unmatched.RemoveAt(j);
        }
        return (missing, inOrder);
    }

    private static float[][] Rows(Tensor boxes) => [.. Enumerable.Range(0, (int)boxes.shape[0]).Select(i => boxes[i].data<float>().ToArray())];

    private static bool Close(float[] a, float[] b) => a.Zip(b).All(p => Math.Abs(p.First - p.Second) < 1e-2);

}
