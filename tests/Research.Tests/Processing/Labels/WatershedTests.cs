using Research.Processing.Labels;

namespace Research.Tests.Processing.Labels;

public sealed class WatershedTests
{
    [Fact]
    public void Two_touching_discs_are_separated_into_two_objects()
    {
        // Two discs of radius 10 with centres 17 px apart overlap in a narrow neck: one foreground region.
        const int width = 50, height = 30;
        var probability = new float[width * height];
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                bool left = (x - 15) * (x - 15) + (y - 15) * (y - 15) <= 100;
                bool right = (x - 32) * (x - 32) + (y - 15) * (y - 15) <= 100;
                probability[y * width + x] = left || right ? 0.9f : 0.1f;
            }
        }
        var mask = probability.Select(p => p > 0.5f).ToArray();
        Assert.Equal(1, ConnectedRegions.Label(mask, width, height).Count);

        var labels = InstanceSeparation.Run(probability, width, height, new InstanceSeparationOptions());

        Assert.Equal(2, labels.Where(l => l != 0).Distinct().Count());
        Assert.NotEqual(labels[15 * width + 15], labels[15 * width + 32]);
        Assert.True(labels[15 * width + 15] != 0 && labels[15 * width + 32] != 0);
        Assert.Equal(mask.Count(m => m), labels.Count(l => l != 0));
        Assert.Equal(labels[15 * width + 15], labels[15 * width + 20]); // left of the neck (x = 23.5) belongs to the left disc
        Assert.Equal(labels[15 * width + 32], labels[15 * width + 27]);
    }

    [Fact]
    public void Flooding_follows_the_elevation_from_each_marker()
    {
        // 1 x 7 line, markers at both ends, a ridge at x = 4: the left basin takes x = 0..3 (ties go to the earlier entry).
        double[] elevation = [0, 1, 2, 3, 5, 1, 0];
        int[] markers = [1, 0, 0, 0, 0, 0, 2];
        var labels = Watershed.Flood(elevation, markers, ReadOnlySpan<bool>.Empty, 7, 1);
        Assert.Equal(new[] { 1, 1, 1, 1, 2, 2, 2 }, labels);
    }

    [Fact]
    public void Small_objects_are_removed_and_small_holes_filled()
    {
        var (mask, width, height) = DistanceTransformTests.Parse(["#.......", "..####..", "..#.##..", "..####..", "........"]);
        ConnectedRegions.RemoveSmallObjects(mask, width, height, 2);
        ConnectedRegions.FillSmallHoles(mask, width, height, 2);
        Assert.False(mask[0]);
        Assert.True(mask[2 * width + 3]);
        Assert.Equal(12, mask.Count(m => m));
    }
}
