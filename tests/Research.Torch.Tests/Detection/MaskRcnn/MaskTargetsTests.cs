using Research.Torch.Detection;
using Research.Torch.Detection.MaskRcnn;
using static TorchSharp.torch;

namespace Research.Torch.Tests.Detection.MaskRcnn;

/// <summary>
/// The mask targets read through a window per box equal torchvision's projection, RoIAlign over the whole float mask
/// stack (whose equality with torchvision's <c>roi_align</c> RoiAlignTests checks), for boxes anywhere: inside, on
/// and past the image's edges, narrower than a pixel, on whole pixels, over the whole image.
/// </summary>
public sealed class MaskTargetsTests
{
    [Theory]
    [InlineData(1, 37, 53)]
    [InlineData(2, 64, 64)]
    [InlineData(3, 9, 130)]
    public void Windowed_targets_equal_roi_align_over_the_whole_mask_stack(int seed, int height, int width)
    {
        using var scope = NewDisposeScope();
        var random = new Random(seed);
        const int objects = 5;
        // Random pixels: every sample's neighbours matter, so a misplaced window or weight shows.
        var masks = new byte[objects * height * width];
        for (int i = 0; i < masks.Length; i++) masks[i] = (byte)random.Next(2);
        var boxes = new List<float>();
        var matched = new List<long>();
        void Add(double x1, double y1, double x2, double y2)
        {
            boxes.AddRange([(float)x1, (float)y1, (float)x2, (float)y2]);
            matched.Add(random.Next(objects));
        }
        Add(0, 0, width, height);                                  // the whole image
        Add(width - 3.3, height - 2.7, width, height);             // the far corner, to the edge
        Add(0, 0, 0.4, 0.6);                                       // narrower than a pixel at the origin
        Add(width - 0.3, 1.2, width, 1.5);                         // narrower than a pixel at the right edge
        Add(2, 3, 7, 11);                                          // whole pixels
        Add(-2.5, -1.5, 4.25, 3.75);                               // past the near edges
        Add(width - 4.5, height - 5.5, width + 2.5, height + 1.5); // past the far edges
        for (int n = 0; n < 40; n++)
        {
            double x1 = random.NextDouble() * width, y1 = random.NextDouble() * height;
            double w = random.NextDouble() * (width - x1) * (n % 4 == 0 ? 0.05 : 1), h = random.NextDouble() * (height - y1) * (n % 4 == 0 ? 0.05 : 1);
            Add(x1, y1, x1 + w, y1 + h);
        }
        var stack = tensor(masks, [objects, height, width]);
        var boxTensor = tensor(boxes.ToArray(), [matched.Count, 4]);
        var indices = tensor(matched.ToArray());

        var windowed = MaskTargets.Project(stack, indices, boxTensor, 28, wholeStackLimit: 0);

        var rois = cat([indices.to_type(ScalarType.Float32).unsqueeze(1), boxTensor], 1);
        var whole = RoiAlign.Apply(stack.unsqueeze(1).to_type(ScalarType.Float32), rois, 28, 28, 1.0, -1, aligned: false).select(1, 0);
        Assert.Equal(whole.shape, windowed.shape);
        var difference = windowed.sub(whole).abs();
        float worst = difference.max().item<float>();
        long at = difference.flatten().argmax().item<long>() / (28 * 28);
        Assert.True(worst <= 1e-5f, $"box {at} ({string.Join(", ", boxes.Skip((int)at * 4).Take(4))}) differs by {worst}");
        Assert.True(whole.sum().item<float>() > 100, "the targets are not all empty");
        // Under the limit the stack is projected whole, as torchvision does: the same values.
        var projected = MaskTargets.Project(stack, indices, boxTensor, 28);
        Assert.True(projected.sub(whole).abs().max().item<float>() <= 1e-6f);
    }

    [Fact]
    public void No_boxes_give_no_targets_and_mismatched_inputs_are_refused()
    {
        using var scope = NewDisposeScope();
        var masks = zeros([2, 8, 8], dtype: ScalarType.Byte);
        var none = MaskTargets.Project(masks, zeros(0, dtype: ScalarType.Int64), zeros(0, 4), 28);
        Assert.Equal([0L, 28, 28], none.shape);
        var e = Assert.Throws<ArgumentException>(() => MaskTargets.Project(masks, zeros(2, dtype: ScalarType.Int64), zeros(1, 4), 28));
        Assert.Contains("2 matched indices for 1 boxes", e.Message, StringComparison.Ordinal);
    }
}
