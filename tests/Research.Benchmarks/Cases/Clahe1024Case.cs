using System.Security.Cryptography;
using Research.Benchmarks.Fixtures;
using Research.Benchmarks.Harness;
using Research.Imaging;
using Research.Imaging.Codecs;
using Research.Processing;

namespace Research.Benchmarks.Cases;

/// <summary>CLAHE (clip 2, 8 x 8 tiles) of a 1024x1024 8-bit image, ours vs OpenCV, both on one thread. Target: ratio at most 1.5.</summary>
public sealed class Clahe1024Case : IBenchmarkCase
{
    private const int Size = 1024;

    /// <inheritdoc />
    public string Name => "clahe-1024";

    /// <inheritdoc />
    public string What => "CLAHE 1024x1024 8-bit (clip 2, 8x8), one thread";

    /// <inheritdoc />
    public CasePlan Prepare(CaseContext context)
    {
        var image = GreyFixture.Create(Size, Size, 1024);
        string path = Path.Combine(context.WorkDirectory, "grey-1024.png");
        ImageFile.Write(path, image);
        var options = new ClaheOptions { ClipLimit = 2.0, TilesX = 8, TilesY = 8 };
        return new CasePlan(
            Ours: () => Clahe.Apply(image, options),
            Reference: new ReferenceScript("clahe.py", [path]),
            Comparisons: [new Comparison("OpenCV", "opencv", Target.RatioAtMost(1.5))],
            Fixture: new Dictionary<string, string> { ["image"] = "NaturalImage.Create(1024, 1024, seed 1024), green channel" },
            OursFingerprint: () => "sha256=" + Convert.ToHexStringLower(SHA256.HashData(Clahe.Apply(image, options).Data)));
    }
}

/// <summary>A deterministic 8-bit grey natural-looking image: the green channel of <see cref="NaturalImage"/>.</summary>
public static class GreyFixture
{
    /// <summary>Creates the image.</summary>
    public static Image<byte> Create(int width, int height, int seed)
    {
        var rgb = NaturalImage.Create(width, height, seed);
        var grey = new Image<byte>(width, height);
        for (int i = 0; i < width * height; i++) grey.Data[i] = rgb.Data[i * 3 + 1];
        return grey;
    }
}
