using System.Text.Json;
using Research.Imaging;
using Research.Imaging.Codecs;
using Research.Processing;

namespace Research.Tests.Processing;

/// <summary>CLAHE against cv2.createCLAHE(...).apply (OpenCV 4.6; tests/reference/make_clahe_fixtures.py).</summary>
public sealed class ClaheTests
{
    private static string Fixture(string name) => TestSupport.Repository.PathOf(Path.Combine("tests", "Research.Tests", "Processing", "Fixtures", name));

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        using var doc = JsonDocument.Parse(File.ReadAllText(Fixture("clahe-cases.json")));
        foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray()) data.Add(c.GetProperty("name").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Agrees_with_OpenCV_within_one_grey_level_on_at_least_99_9_percent_of_pixels(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Fixture("clahe-cases.json")));
        var c = doc.RootElement.GetProperty("cases").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        var options = new ClaheOptions
        {
            ClipLimit = c.GetProperty("clip_limit").GetDouble(),
            TilesX = c.GetProperty("tiles_x").GetInt32(),
            TilesY = c.GetProperty("tiles_y").GetInt32(),
        };
        IImage input = ImageFile.Read(Fixture(c.GetProperty("input").GetString()!));
        IImage expected = ImageFile.Read(Fixture(c.GetProperty("output").GetString()!));
        (int[] ours, int[] theirs) = input switch
        {
            Image<byte> b => (Ints(Clahe.Apply(b, options).Data), Ints(((Image<byte>)expected).Data)),
            Image<ushort> s => (Ints(Clahe.Apply(s, options).Data), Ints(((Image<ushort>)expected).Data)),
            _ => throw new InvalidOperationException(input.ToString()),
        };
        int within = 0, exact = 0, worst = 0;
        for (int i = 0; i < ours.Length; i++)
        {
            int d = Math.Abs(ours[i] - theirs[i]);
            if (d <= 1) within++;
            if (d == 0) exact++;
            worst = Math.Max(worst, d);
        }
        double share = within / (double)ours.Length;
        Assert.True(share >= 0.999, $"{name}: {share:P3} within 1 grey level ({exact} of {ours.Length} exact, worst {worst})");
        Assert.True(exact >= 0.99 * ours.Length, $"{name}: only {exact} of {ours.Length} exact (worst {worst})");
    }

    private static int[] Ints(byte[] v) => Array.ConvertAll(v, x => (int)x);

    private static int[] Ints(ushort[] v) => Array.ConvertAll(v, x => (int)x);

    [Fact]
    public void Clipping_spreads_the_residual_one_per_step_from_bin_0()
    {
        // 8 bins, clip 4: bin 0 loses 6 (10 -> 4); batch = 6 / 8 = 0, residual 6, step = max(8 / 6, 1) = 1, so bins 0..5 get +1.
        int[] histogram = [10, 0, 0, 0, 0, 0, 0, 2];
        Clahe.ClipAndRedistribute(histogram, 4);
        Assert.Equal([5, 1, 1, 1, 1, 1, 0, 2], histogram);
        // 4 bins, clip 2: excess 3 + 1 = 4 -> batch 1 each, no residual.
        int[] even = [5, 3, 0, 0];
        Clahe.ClipAndRedistribute(even, 2);
        Assert.Equal([3, 3, 1, 1], even);
    }

    [Fact]
    public void Refuses_colour_images_and_bad_options()
    {
        Assert.Throws<InputException>(() => Clahe.Apply(new Image<byte>(8, 8, 3)));
        var e = Assert.Throws<InputException>(() => Clahe.Apply(new Image<byte>(8, 8), new ClaheOptions { TilesX = 0 }));
        Assert.Contains("tile grid", e.Message, StringComparison.Ordinal);
    }
}
