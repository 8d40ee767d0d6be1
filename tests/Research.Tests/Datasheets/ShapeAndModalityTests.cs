using Research.Datasheets;

namespace Research.Tests.Datasheets;

public sealed class ShapeAndModalityTests
{
    [Fact]
    public void Eccentricity_of_a_line_is_one_and_of_a_square_zero()
    {
        var line = new ObjectMoments();
        for (int x = 0; x < 3; x++) line.Add(x, 5);
        // mu20 = (0 + 1 + 4) / 3 - 1 = 2/3, mu02 = 0, mu11 = 0 -> l1 = 2/3, l2 = 0 -> e = 1.
        Assert.Equal(new ObjectShape(3, 1), line.Shape());
        var square = new ObjectMoments();
        for (int y = 0; y < 4; y++) for (int x = 0; x < 4; x++) square.Add(x, y);
        Assert.Equal(16, square.Shape().Area);
        Assert.Equal(0, square.Shape().Eccentricity, 12);
        var pixel = new ObjectMoments();
        pixel.Add(7, 7);
        Assert.Equal(new ObjectShape(1, 0), pixel.Shape());
    }

    [Fact]
    public void Eccentricity_of_a_2_by_1_ellipse_moment()
    {
        // A 4x2 rectangle: mu20 = var(0..3) = 1.25, mu02 = var(0..1) = 0.25 -> e = sqrt(1 - 0.25/1.25) = sqrt(0.8).
        var m = new ObjectMoments();
        for (int y = 0; y < 2; y++) for (int x = 0; x < 4; x++) m.Add(x, y);
        Assert.Equal(Math.Sqrt(0.8), m.Shape().Eccentricity, 12);
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
