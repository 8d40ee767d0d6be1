using System.Text.Json;
using Research.Imaging;
using Research.Processing;

namespace Research.Tests.Processing;

/// <summary>Pixel-centre nearest neighbour against cv2.resize INTER_NEAREST_EXACT (tests/reference/bh2019_metrics.py).</summary>
public sealed class NearestExactTests
{
    [Fact]
    public void Source_indices_equal_OpenCV_nearest_exact()
    {
        string path = TestSupport.Repository.PathOf(Path.Combine("tests", "Research.Tests", "Processing", "Fixtures", "nearest-exact-indices.json"));
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        int checkedCases = 0;
        foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray())
        {
            int source = c.GetProperty("source").GetInt32(), destination = c.GetProperty("destination").GetInt32();
            int[] expected = [.. c.GetProperty("indices").EnumerateArray().Select(v => v.GetInt32())];
            var row = new Image<int>(source, 1, 1, [.. Enumerable.Range(0, source)]);
            var resized = Resize.To(row, destination, 1, ResizeInterpolation.NearestExact);
            Assert.Equal(expected, resized.Data);
            checkedCases++;
        }
        Assert.Equal(14, checkedCases);
    }

    [Fact]
    public void Differs_from_floor_nearest_where_centres_decide()
    {
        // 2 -> 4 px: centres 0.25, 0.75, 1.25, 1.75 of the source -> 0, 0, 1, 1 both ways; 3 -> 2: centres 0.75, 2.25 -> 0, 2
        // (floor nearest takes 0, 1).
        var row = new Image<int>(3, 1, 1, [10, 20, 30]);
        Assert.Equal([10, 30], Resize.To(row, 2, 1, ResizeInterpolation.NearestExact).Data);
        Assert.Equal([10, 20], Resize.To(row, 2, 1, ResizeInterpolation.Nearest).Data);
    }
}
