using Research.Torch.Detection.MaskRcnn;
using Research.Torch.Runtime;
using static TorchSharp.torch;

namespace Research.Torch.Tests.Detection.MaskRcnn;

/// <summary>Label images to Mask R-CNN targets and detections back to label images, on hand-computed cases.</summary>
public sealed class InstanceTargetsTests
{
    public InstanceTargetsTests() => TorchRuntime.EnsureLoaded();

    [Fact]
    public void Objects_become_boxes_of_pixel_edges_and_masks_and_small_cut_objects_are_dropped_and_counted()
    {
        int[] labels =
        [
            1, 1, 0, 5,
            0, 0, 2, 5,
            0, 0, 0, 5,
        ];
        using var target = InstanceTargets.FromLabels(labels, 4, 3, minArea: 2, out int dropped);
        Assert.Equal(1, dropped); // label 2 has one pixel
        Assert.Equal([0f, 0, 2, 1, 3, 0, 4, 3], target.Boxes.data<float>().ToArray());
        Assert.Equal([1L, 1], target.Labels.data<long>().ToArray());
        Assert.Equal([2L, 3, 4], target.Masks.shape);
        Assert.Equal(new byte[] { 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1 }, target.Masks.data<byte>().ToArray());

        using var none = InstanceTargets.FromLabels(new int[12], 4, 3, 1, out dropped);
        Assert.Equal(0, dropped);
        Assert.Equal([0L, 4], none.Boxes.shape);
        Assert.Equal([0L, 3, 4], none.Masks.shape);
    }

    [Fact]
    public void Detections_become_labels_by_score_with_overlaps_to_the_higher_score()
    {
        // three detections on a 1 x 5 image: A (0.6) covers pixels 0-2, B (0.9) pixels 2-3, C (0.3) pixels 0 and 4.
        float[] probabilities =
        [
            0.8f, 0.9f, 0.7f, 0.1f, 0.0f,
            0.2f, 0.4f, 0.9f, 0.6f, 0.0f,
            0.9f, 0.0f, 0.0f, 0.0f, 0.8f,
        ];
        using var prediction = new InstancePrediction(zeros(3, 4), tensor(new float[] { 0.6f, 0.9f, 0.3f }), ones(3, dtype: ScalarType.Int64), tensor(probabilities, [3, 1, 1, 5]));
        // B is label 1 (highest score) and wins pixel 2 over A (label 2); C scores under 0.5 and is left out
        Assert.Equal([2, 2, 1, 1, 0], InstanceTargets.ToLabels(prediction, scoreThreshold: 0.5, maskThreshold: 0.5));
        // with C: label 3, but pixel 0 stays A's (higher score)
        Assert.Equal([2, 2, 1, 1, 3], InstanceTargets.ToLabels(prediction, scoreThreshold: 0.2, maskThreshold: 0.5));
        // a higher mask threshold shrinks the masks: A keeps only pixel 1 (0.9), B pixel 2
        Assert.Equal([0, 2, 1, 0, 0], InstanceTargets.ToLabels(prediction, scoreThreshold: 0.5, maskThreshold: 0.85));
    }
}
