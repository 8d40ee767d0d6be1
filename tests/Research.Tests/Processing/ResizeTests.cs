using System.Text.Json;
using Research.Imaging;
using Research.Imaging.Codecs;
using Research.Processing;

namespace Research.Tests.Processing;

/// <summary>
/// Resize against cv2.resize (OpenCV 4.6; tests/reference/make_resize_fixtures.py). Nearest must be exact; linear and
/// area within 1 grey level everywhere (OpenCV's fixed-point and float paths round differently from ours at a few pixels).
/// </summary>
public sealed class ResizeTests
{
    private static string Fixture(string name) => TestSupport.Repository.PathOf(Path.Combine("tests", "Research.Tests", "Processing", "Fixtures", name));

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        using var doc = JsonDocument.Parse(File.ReadAllText(Fixture("resize-cases.json")));
        foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray()) data.Add(c.GetProperty("name").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Agrees_with_OpenCV(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Fixture("resize-cases.json")));
        var c = doc.RootElement.GetProperty("cases").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        int w = c.GetProperty("width").GetInt32(), h = c.GetProperty("height").GetInt32();
        var interpolation = Enum.Parse<ResizeInterpolation>(c.GetProperty("interpolation").GetString()!, ignoreCase: true);
        IImage input = ImageFile.Read(Fixture(c.GetProperty("input").GetString()!));
        IImage expected = ImageFile.Read(Fixture(c.GetProperty("output").GetString()!));
        (int[] ours, int[] theirs) = input switch
        {
            Image<byte> b => (Ints(Resize.To(b, w, h, interpolation).Data), Ints(((Image<byte>)expected).Data)),
            Image<ushort> s => (Ints(Resize.To(s, w, h, interpolation).Data), Ints(((Image<ushort>)expected).Data)),
            _ => throw new InvalidOperationException(input.ToString()),
        };
        Assert.Equal(theirs.Length, ours.Length);
        int worst = 0, exact = 0;
        for (int i = 0; i < ours.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(ours[i] - theirs[i]));
            if (ours[i] == theirs[i]) exact++;
        }
        int allowed = interpolation == ResizeInterpolation.Nearest ? 0 : 1;
        Assert.True(worst <= allowed, $"{name}: worst difference {worst}, {exact} of {ours.Length} exact");
    }

    private static int[] Ints(byte[] v) => Array.ConvertAll(v, x => (int)x);

    private static int[] Ints(ushort[] v) => Array.ConvertAll(v, x => (int)x);

    [Fact]
    public void Nearest_keeps_label_values_only()
    {
        var labels = new Image<ushort>(7, 5);
        for (int i = 0; i < labels.Data.Length; i++) labels.Data[i] = (ushort)(i % 4 * 1000);
        var bigger = Resize.To(labels, 23, 11, ResizeInterpolation.Nearest);
        Assert.Subset(labels.Data.ToHashSet(), bigger.Data.ToHashSet());
    }

    [Fact]
    public void By_scale_rounds_the_size_and_rejects_bad_scales()
    {
        var image = new Image<byte>(101, 50);
        var half = Resize.ByScale(image, 0.5, ResizeInterpolation.Area);
        Assert.Equal((50, 25), (half.Width, half.Height)); // 101 x 0.5 = 50.5 rounds half to even to 50, as OpenCV's cvRound does
        Assert.Throws<InputException>(() => Resize.ByScale(image, 0, ResizeInterpolation.Linear));
    }
}
