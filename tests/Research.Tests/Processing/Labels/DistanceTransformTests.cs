using Research.Processing.Labels;

namespace Research.Tests.Processing.Labels;

public sealed class DistanceTransformTests
{
    // Golden values printed by tests/reference/distance_transform_reference.py (scipy 1.10.1 distance_transform_edt).
    private static readonly string[] Blob =
    [
        "..........",
        "..####....",
        ".######...",
        ".#######..",
        ".######...",
        "..####..#.",
        "........##",
    ];

    private static readonly double[] BlobDistances =
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 1, 1, 1, 1, 0, 0, 0, 0,
        0, 1, 1.414214, 2, 2, 1.414214, 1, 0, 0, 0,
        0, 1, 2, 2.828427, 2.828427, 2.236068, 1.414214, 1, 0, 0,
        0, 1, 1.414214, 2, 2, 1.414214, 1, 0, 0, 0,
        0, 0, 1, 1, 1, 1, 0, 0, 1, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 1, 1,
    ];

    private static readonly string[] Ring = ["#######", "#.....#", "#.###.#", "#.###.#", "#.....#", "#######"];

    private static readonly double[] RingDistances =
    [
        1.414214, 1, 1, 1, 1, 1, 1.414214,
        1, 0, 0, 0, 0, 0, 1,
        1, 0, 1, 1, 1, 0, 1,
        1, 0, 1, 1, 1, 0, 1,
        1, 0, 0, 0, 0, 0, 1,
        1.414214, 1, 1, 1, 1, 1, 1.414214,
    ];

    public static TheoryData<string, string[], double[]> Cases => new() { { "blob", Blob, BlobDistances }, { "ring", Ring, RingDistances } };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_scipy_distance_transform_edt(string name, string[] rows, double[] expected)
    {
        var (mask, width, height) = Parse(rows);
        var actual = DistanceTransform.ToBackground(mask, width, height);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) < 1e-6, $"{name}: pixel ({i % width}, {i / width}) expected {expected[i]}, got {actual[i]}");
        }
    }

    [Fact]
    public void Squared_distances_to_one_site_are_exact_integers()
    {
        var sites = new bool[5 * 4];
        sites[1 * 5 + 3] = true; // site at (3, 1)
        var squared = DistanceTransform.SquaredToNearest(sites, 5, 4);
        for (int y = 0; y < 4; y++)
        {
            for (int x = 0; x < 5; x++) Assert.Equal((x - 3) * (x - 3) + (y - 1) * (y - 1), squared[y * 5 + x]);
        }
    }

    [Fact]
    public void Without_any_site_every_distance_is_infinite()
    {
        Assert.All(DistanceTransform.SquaredToNearest(new bool[6], 3, 2), d => Assert.True(double.IsPositiveInfinity(d)));
    }

    internal static (bool[] Mask, int Width, int Height) Parse(string[] rows)
    {
        int width = rows[0].Length, height = rows.Length;
        var mask = new bool[width * height];
        for (int y = 0; y < height; y++) for (int x = 0; x < width; x++) mask[y * width + x] = rows[y][x] == '#';
        return (mask, width, height);
    }
}
