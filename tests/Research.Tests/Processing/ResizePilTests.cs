using System.Text.Json;
using Research.Imaging;
using Research.Imaging.Codecs;
using Research.Processing;

namespace Research.Tests.Processing;

/// <summary>
/// ResizePil against Pillow 9.4's Image.resize(BILINEAR) (tests/reference/make_pil_resize_fixtures.py): every pixel
/// equal, shrinking (wide filters), enlarging, SAM's longest side to 1024, grey and RGB, one pass skipped.
/// </summary>
public sealed class ResizePilTests
{
    private static string Fixture(string name) => TestSupport.Repository.PathOf(Path.Combine("tests", "Research.Tests", "Processing", "Fixtures", name));

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        using var doc = JsonDocument.Parse(File.ReadAllText(Fixture("pil-cases.json")));
        foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray()) data.Add(c.GetProperty("name").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Equals_Pillow_bit_for_bit(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Fixture("pil-cases.json")));
        var c = doc.RootElement.GetProperty("cases").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        var input = (Image<byte>)ImageFile.Read(Fixture(c.GetProperty("input").GetString()!));
        var expected = (Image<byte>)ImageFile.Read(Fixture(c.GetProperty("output").GetString()!));
        var ours = ResizePil.Bilinear(input, c.GetProperty("width").GetInt32(), c.GetProperty("height").GetInt32());
        Assert.Equal((expected.Width, expected.Height, expected.Channels), (ours.Width, ours.Height, ours.Channels));
        int differing = ours.Data.Zip(expected.Data).Count(p => p.First != p.Second);
        Assert.True(differing == 0, $"{name}: {differing} of {ours.Data.Length} samples differ from Pillow");
    }

    [Fact]
    public void The_same_size_is_a_copy()
    {
        var image = new Image<byte>(3, 2, 1, [1, 2, 3, 4, 5, 6]);
        var copy = ResizePil.Bilinear(image, 3, 2);
        Assert.NotSame(image.Data, copy.Data);
        Assert.Equal(image.Data, copy.Data);
    }

    [Fact]
    public void Doubling_a_row_interpolates_between_pixel_centres_and_clamps_at_the_edges()
    {
        // Enlarging 2 -> 4: output centres at input 0.25 and 0.75 (weights 1 and 0 after clipping the kernel at the
        // border, renormalised) and 0.25/0.75 between the two pixels: 0, 0.25 * 100, 0.75 * 100, 100.
        var row = new Image<byte>(2, 1, 1, [0, 100]);
        Assert.Equal([0, 25, 75, 100], ResizePil.Bilinear(row, 4, 1).Data);
    }
}
