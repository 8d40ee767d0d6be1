using System.Security.Cryptography;
using Research.Benchmarks.Harness;
using Research.Imaging.Codecs;
using Research.Processing;

namespace Research.Benchmarks.Cases;

/// <summary>Resizing a 1024x1024 8-bit image to 256x256 (one case per interpolation), ours vs cv2.resize, one thread. Informational.</summary>
public sealed class Resize1024Case(ResizeInterpolation interpolation) : IBenchmarkCase
{
    private string Key => interpolation == ResizeInterpolation.Area ? "area" : "linear";

    /// <inheritdoc />
    public string Name => $"resize-1024-256-{Key}";

    /// <inheritdoc />
    public string What => $"resize 1024x1024 -> 256x256 8-bit, {(interpolation == ResizeInterpolation.Area ? "INTER_AREA" : "INTER_LINEAR")}";

    /// <inheritdoc />
    public CasePlan Prepare(CaseContext context)
    {
        var image = GreyFixture.Create(1024, 1024, 256);
        string path = Path.Combine(context.WorkDirectory, "grey-1024.png");
        ImageFile.Write(path, image);
        return new CasePlan(
            Ours: () => Resize.To(image, 256, 256, interpolation),
            Reference: new ReferenceScript("resize.py", [path]),
            Comparisons: [new Comparison("OpenCV", Key, Target.None)],
            Fixture: new Dictionary<string, string> { ["image"] = "NaturalImage.Create(1024, 1024, seed 256), green channel" },
            OursFingerprint: () => "sha256=" + Convert.ToHexStringLower(SHA256.HashData(Resize.To(image, 256, 256, interpolation).Data)));
    }
}
