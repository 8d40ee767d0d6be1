using Research.Metrics;
using Research.Torch.Sam;

namespace Research.Torch.Tests.Sam;

/// <summary>Boxes from a label image and masks back to one label image, by hand.</summary>
public sealed class SamLabelsTests
{
    [Fact]
    public void Each_object_gives_the_box_covering_its_pixels_in_label_order()
    {
        // 5 x 4:   0 0 7 7 0
        //          0 3 0 7 0
        //          0 3 0 0 0
        //          0 0 0 0 3   (label 3 is two pieces: one box spans both)
        var labels = new LabelImage(5, 4, [0, 0, 7, 7, 0, 0, 3, 0, 7, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 3], "l.png");
        var boxes = SamLabels.Boxes(labels);
        Assert.Equal([3, 7], boxes.Select(b => b.Label));
        Assert.Equal([1f, 1f, 5f, 4f], boxes[0].Box);
        Assert.Equal([2f, 0f, 4f, 2f], boxes[1].Box);
    }

    [Fact]
    public void An_empty_label_image_is_refused_by_name()
    {
        var e = Assert.Throws<InputException>(() => SamLabels.Boxes(LabelImage.Empty(3, 3, "empty.png")));
        Assert.Contains("empty.png: holds no object", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overlaps_go_to_the_higher_predicted_iou_and_ties_to_the_earlier_mask()
    {
        bool[] a = [true, true, false, false], b = [false, true, true, false], c = [false, false, true, true];
        var labels = SamLabels.Combine([a, b, c], [0.5, 0.9, 0.5], 4, 1);
        Assert.Equal(new ushort[] { 1, 2, 2, 3 }, labels.Data);
        var tie = SamLabels.Combine([a, b], [0.7, 0.7], 4, 1);
        Assert.Equal(new ushort[] { 1, 1, 2, 0 }, tie.Data);
    }
}
