using System.Globalization;
using System.Security.Cryptography;
using Research.Benchmarks.Fixtures;
using Research.Benchmarks.Harness;
using Research.Imaging;
using Research.Imaging.Codecs;

namespace Research.Benchmarks.Cases;

/// <summary>
/// Decoding a 1024x1024 8-bit RGB PNG from disk into pixels: <see cref="ImageFile.Read(string)"/> against Pillow
/// (<c>np.asarray(Image.open(p).convert('RGB'))</c>, a full decode) and OpenCV (<c>cv2.imread(p, IMREAD_UNCHANGED)</c>).
/// Informational: no target.
/// </summary>
public sealed class PngDecodeCase : IBenchmarkCase
{
    private const int Size = 1024;
    private const int Seed = 20240611;

    /// <inheritdoc />
    public string Name => "png-decode-1024-rgb";

    /// <inheritdoc />
    public string What => "PNG decode 1024x1024 RGB";

    /// <inheritdoc />
    public CasePlan Prepare(CaseContext context)
    {
        string path = Path.Combine(context.WorkDirectory, "natural-1024-rgb.png");
        PngFixtureWriter.Write(path, NaturalImage.Create(Size, Size, Seed));
        var fixture = new Dictionary<string, string>
        {
            ["file"] = Path.GetFileName(path),
            ["bytes"] = new FileInfo(path).Length.ToString(CultureInfo.InvariantCulture),
            ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))),
            ["generator"] = $"NaturalImage.Create({Size}, {Size}, seed {Seed}) + PngFixtureWriter",
        };
        return new CasePlan(
            Ours: () => ImageFile.Read(path),
            Reference: new ReferenceScript("png_decode.py", [path]),
            Comparisons: [new Comparison("Pillow", "pillow", Target.None), new Comparison("OpenCV", "opencv", Target.None)],
            Fixture: fixture,
            OursFingerprint: () => Fingerprint(ImageFile.Read(path)));
    }

    /// <summary>Same format as png_decode.py: "WxHxC sum=S" (the sum does not depend on RGB or BGR order).</summary>
    private static string Fingerprint(IImage image)
    {
        if (image is not Image<byte> bytes) return $"{image.Width}x{image.Height}x{image.Channels} {image.PixelType}";
        ulong sum = 0;
        foreach (byte b in bytes.Span) sum += b;
        return string.Create(CultureInfo.InvariantCulture, $"{image.Width}x{image.Height}x{image.Channels} sum={sum}");
    }
}
