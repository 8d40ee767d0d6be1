using Research.Processing.Labels;

namespace Research.Tests.Processing.Labels;

public sealed class InstanceTargetsTests
{
    [Fact]
    public void Three_class_target_marks_pixels_next_to_another_label_as_boundary()
    {
        // 5 x 3: object 1 at x = 0..2, object 2 at x = 3..4, background row at the bottom.
        int[] labels = [1, 1, 1, 2, 2, 1, 1, 1, 2, 2, 0, 0, 0, 0, 0];
        var classes = InstanceTargets.ThreeClass(labels, 5, 3);
        // Row 0: (0,0) has neighbours 1,1 (the border is not a boundary) -> interior; (2,0) touches label 2 -> boundary.
        Assert.Equal(new byte[] { 1, 1, 2, 2, 1, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0 }, classes);
        Assert.Equal(10, InstanceTargets.Foreground(labels).Sum());
    }

    [Fact]
    public void Weight_map_adds_the_overcrowding_term_on_background_between_objects()
    {
        // 1 x 5 line: object 1 at x = 0, object 2 at x = 4. Background pixel x = 1: d1 = 1, d2 = 3, so
        // w = 1 + exp(-(1 + 3)^2 / (2 * 2^2)) = 1 + exp(-2) = 1.135335; x = 2: d1 = d2 = 2, same sum 4.
        int[] labels = [1, 0, 0, 0, 2];
        var weights = WeightMap.Compute(labels, 5, 1, new WeightMapOptions { Sigma = 2 });
        Assert.Equal(1.5f, weights[0]);
        Assert.Equal(1.5f, weights[4]);
        for (int x = 1; x <= 3; x++) Assert.Equal(1.135335, weights[x], 5);
    }

    [Fact]
    public void Weight_map_with_one_object_has_only_class_weights()
    {
        int[] labels = [0, 3, 3, 0];
        Assert.Equal(new[] { 1f, 1.5f, 1.5f, 1f }, WeightMap.Compute(labels, 4, 1, new WeightMapOptions()));
    }
}
