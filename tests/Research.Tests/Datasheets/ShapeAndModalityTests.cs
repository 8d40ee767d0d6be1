using Research.Datasheets;

namespace Research.Tests.Datasheets;

public sealed class ShapeAndModalityTests
{
    private static ObjectShape ShapeOf(int width, int height, Func<int, int, bool> inside)
    {
        var data = new int[width * height];
        for (int y = 0; y < height; y++) for (int x = 0; x < width; x++) data[y * width + x] = inside(x, y) ? 1 : 0;
        return ObjectShape.From(Assert.Single(Research.Measurements.RegionMeasurer.Measure(new Research.Metrics.LabelImage(width, height, data))));
    }

    [Fact]
    public void Eccentricity_of_a_line_is_one_and_of_a_square_zero()
    {
        // mu20 = (0 + 1 + 4) / 3 - 1 = 2/3, mu02 = 0, mu11 = 0 -> l1 = 2/3, l2 = 0 -> e = 1; a 3-pixel line is convex.
        var line = ShapeOf(3, 1, (x, y) => true);
        Assert.Equal((3, 1.0, 1.0), (line.Area, line.Eccentricity, line.Solidity));
        var square = ShapeOf(4, 4, (x, y) => true);
        Assert.Equal(16, square.Area);
        Assert.Equal(0, square.Eccentricity, 12);
        var pixel = ShapeOf(1, 1, (x, y) => true);
        Assert.Equal((1, 0.0), (pixel.Area, pixel.Eccentricity));
        Assert.True(double.IsNaN(pixel.Circularity));
    }

    [Fact]
    public void Eccentricity_of_a_2_by_1_ellipse_moment()
    {
        // A 4x2 rectangle: mu20 = var(0..3) = 1.25, mu02 = var(0..1) = 0.25 -> e = sqrt(1 - 0.25/1.25) = sqrt(0.8).
        Assert.Equal(Math.Sqrt(0.8), ShapeOf(4, 2, (x, y) => true).Eccentricity, 12);
    }

    [Fact]
    public void An_l_shape_is_less_solid_than_its_hull()
    {
        // 3x3 box minus its top-right 2x2: 5 pixels; the hull of the pixels' edge midpoints runs from (0, 0.5) to (2.5, 2)
        // (the diagonal edge), so its image adds only the centre pixel (1, 1): 6 pixels (scikit-image agrees).
        var l = ShapeOf(3, 3, (x, y) => x == 0 || y == 2);
        Assert.Equal(5, l.Area);
        Assert.Equal(5.0 / 6, l.Solidity, 12);
    }

    [Theory]
    [InlineData(true, 10.0, 8, ImageGroup.GreyDark)]
    [InlineData(true, 127.0, 8, ImageGroup.GreyDark)]
    [InlineData(true, 127.5, 8, ImageGroup.GreyLight)]
    [InlineData(true, 200.0, 8, ImageGroup.GreyLight)]
    [InlineData(true, 30000.0, 16, ImageGroup.GreyDark)]
    [InlineData(true, 40000.0, 16, ImageGroup.GreyLight)]
    [InlineData(false, 10.0, 8, ImageGroup.Colour)]
    public void Modality_rule(bool grey, double median, int depth, ImageGroup expected) =>
        Assert.Equal(expected, ModalityRule.Classify(grey, median, depth));
}
