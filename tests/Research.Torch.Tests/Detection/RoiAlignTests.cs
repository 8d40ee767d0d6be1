using Research.Torch.Detection;
using static TorchSharp.torch;

namespace Research.Torch.Tests.Detection;

/// <summary>RoIAlign (forward and gradient to the features) against torchvision 0.14's <c>roi_align</c>.</summary>
public sealed class RoiAlignTests
{
    [Fact]
    public void Roi_align_forward_and_gradient_equal_torchvision_in_every_setting()
    {
        using var scope = NewDisposeScope();
        var golden = DetectionGolden.Root.GetProperty("roi_align");
        var features = DetectionGolden.Float(golden.GetProperty("features"));
        var rois = DetectionGolden.Float(golden.GetProperty("rois"));
        int cases = 0;
        foreach (var item in golden.GetProperty("cases").EnumerateArray())
        {
            using var caseScope = NewDisposeScope();
            double scale = item.GetProperty("spatial_scale").GetDouble();
            int[] size = item.GetProperty("output_size").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            int ratio = item.GetProperty("sampling_ratio").GetInt32();
            bool aligned = item.GetProperty("aligned").GetBoolean();
            string what = $"scale {scale}, size {size[0]}x{size[1]}, sampling ratio {ratio}, aligned {aligned}";
            var x = features.detach().clone().requires_grad_(true);
            var output = RoiAlign.Apply(x, rois, size[0], size[1], scale, ratio, aligned);
            DetectionGolden.AssertClose(DetectionGolden.Float(item.GetProperty("output")), output, 1e-5, "forward, " + what);
            output.mul(DetectionGolden.Float(item.GetProperty("weights"))).sum().backward();
            DetectionGolden.AssertClose(DetectionGolden.Float(item.GetProperty("grad")), x.grad!, 1e-5, "gradient, " + what);
            cases++;
        }
        Assert.Equal(28, cases);
    }

    [Fact]
    public void A_box_on_pixel_centres_of_a_ramp_averages_the_ramp()
    {
        using var scope = NewDisposeScope();
        // f(y, x) = x: bilinear samples of a linear ramp are exact, so each bin is the mean x of its samples.
        var ramp = arange(8, dtype: ScalarType.Float32).view(1, 1, 1, 8).expand(1, 1, 6, 8).contiguous();
        var rois = tensor(new float[] { 0, 1, 1, 5, 3 }).reshape(1, 5);
        var output = RoiAlign.Apply(ramp, rois, 1, 2, 1.0, 2, aligned: false);
        // Bins [1, 3] and [3, 5]; samples at 1.5, 2.5 and 3.5, 4.5.
        Assert.Equal(new[] { 2f, 4f }, output.data<float>().ToArray());
        Assert.Equal(new long[] { 0, 1, 7, 7 }, RoiAlign.Apply(ramp, zeros(0, 5), 7, 7, 1.0, 2, aligned: true).shape);
    }
}
