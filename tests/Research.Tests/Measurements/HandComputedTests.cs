using Research.Measurements;
using Research.Metrics;

namespace Research.Tests.Measurements;

/// <summary>Tiny objects whose properties are worked out by hand.</summary>
public sealed class HandComputedTests
{
    private static RegionProperties Only(int width, int height, params int[] data) =>
        Assert.Single(RegionMeasurer.Measure(new LabelImage(width, height, data)));

    [Fact]
    public void A_3x3_square_with_a_hole_is_one_piece_minus_one_hole()
    {
        var o = Only(5, 5,
            0, 0, 0, 0, 0,
            0, 1, 1, 1, 0,
            0, 1, 0, 1, 0,
            0, 1, 1, 1, 0,
            0, 0, 0, 0, 0);
        Assert.Equal(8, o.Area);
        Assert.Equal(9, o.FilledArea);
        Assert.Equal(9, o.ConvexArea);
        Assert.Equal(0, o.EulerNumber);
        Assert.Equal(8.0 / 9, o.Solidity, 15);
        Assert.Equal((2.0, 2.0), (o.CentroidRow, o.CentroidCol));
        // Hull of the pixel diamonds: an octagon whose farthest points are (0.5, 1) and (3.5, 3) etc.: √(3² + 2²)... the
        // contour of the 3x3 hull image runs through edge midpoints, the farthest pair (1, 0.5)-(3, 3.5): √13.
        Assert.Equal(Math.Sqrt(13), o.FeretDiameterMax, 12);
        Assert.False(o.TouchesBorder);
    }

    [Fact]
    public void A_lone_pixel_has_no_perimeter_and_a_one_row_object_no_minor_axis()
    {
        var pixel = Only(3, 3, 0, 0, 0, 0, 4, 0, 0, 0, 0);
        Assert.Equal((1L, 0.0, 0.0, 1L), (pixel.Area, pixel.Perimeter, pixel.Eccentricity, pixel.ConvexArea));
        Assert.True(double.IsNaN(pixel.Circularity));
        var row = Only(5, 1, 2, 2, 2, 2, 0);
        Assert.Equal(0, row.MinorAxisLength);
        Assert.Equal(1, row.Eccentricity);
        // variance of columns 0..3 is 1.25: major axis 4 √1.25.
        Assert.Equal(4 * Math.Sqrt(1.25), row.MajorAxisLength, 12);
        Assert.True(row.TouchesBorder);
    }

    [Fact]
    public void A_label_in_two_pieces_is_one_object()
    {
        var o = Only(5, 1, 3, 0, 0, 0, 3);
        Assert.Equal(2, o.Area);
        Assert.Equal(2, o.EulerNumber);
        Assert.Equal(5, o.ConvexArea);
        Assert.Equal(2.0, o.CentroidCol);
    }

    [Fact]
    public void Label_values_far_above_the_pixel_count_are_objects_like_any_other()
    {
        var objects = RegionMeasurer.Measure(new LabelImage(3, 1, [2_000_000, 0, 70_000]));
        Assert.Equal([70_000, 2_000_000], objects.Select(o => o.Label));
        Assert.Equal([2.0, 0.0], objects.Select(o => o.CentroidCol));
    }

    [Fact]
    public void Outlines_run_clockwise_through_boundary_pixel_centres()
    {
        var square = new int[25];
        for (int r = 1; r <= 3; r++) for (int c = 1; c <= 3; c++) square[r * 5 + c] = 1;
        var image = RegionMeasurer.MeasureImage("square", new LabelImage(5, 5, square), null, outlines: true);
        Assert.Equal([(1, 1), (1, 2), (1, 3), (2, 3), (3, 3), (3, 2), (3, 1), (2, 1)], image.Outlines[0]);
        var diagonal = RegionMeasurer.MeasureImage("diagonal", new LabelImage(3, 3, [1, 0, 0, 0, 1, 0, 0, 0, 1]), null, outlines: true);
        Assert.Equal([(0, 0), (1, 1), (2, 2), (1, 1)], diagonal.Outlines[0]);
        var pixel = RegionMeasurer.MeasureImage("pixel", new LabelImage(2, 2, [0, 0, 0, 4]), null, outlines: true);
        Assert.Equal([(1, 1)], pixel.Outlines[0]);
    }
}
