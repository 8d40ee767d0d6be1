using Research.Torch.Training.Tasks;

namespace Research.Torch.Tests.Training.Tasks;

/// <summary>The cut-object rule of mask-rcnn training crops, on hand-made label images.</summary>
public sealed class CutObjectsTests
{
    [Fact]
    public void An_object_keeps_its_visible_part_when_enough_of_it_remains_else_becomes_background()
    {
        // full image: object 1 has 20 px, object 2 has 10 px, object 3 has 4 px
        var full = new Dictionary<int, int> { [1] = 20, [2] = 10, [3] = 4 };
        // crop: 6 px of object 1 (30 %), 2 px of object 2 (20 %), all 4 px of object 3
        int[] crop = [1, 1, 1, 1, 1, 1, 2, 2, 3, 3, 3, 3, 0, 0, 0, 0];
        var (kept, dropped) = CutObjects.Apply(crop, full, 0.25);
        Assert.Equal((2, 1), (kept, dropped));
        Assert.Equal([1, 1, 1, 1, 1, 1, 0, 0, 3, 3, 3, 3, 0, 0, 0, 0], crop);
    }

    [Fact]
    public void Slivers_under_the_pixel_minimum_are_dropped_even_when_the_fraction_is_met()
    {
        var full = new Dictionary<int, int> { [5] = 3 };
        int[] crop = [5, 5, 5, 0];
        Assert.Equal((0, 1), CutObjects.Apply(crop, full, 0.0));
        Assert.All(crop, v => Assert.Equal(0, v));
    }

    [Fact]
    public void Areas_count_pixels_per_label_without_the_background()
    {
        var areas = CutObjects.Areas([0, 2, 2, 7, 0, 2]);
        Assert.Equal(new Dictionary<int, int> { [2] = 3, [7] = 1 }, areas);
    }
}
