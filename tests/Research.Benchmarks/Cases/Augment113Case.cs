using System.Security.Cryptography;
using Research.Augmentation;
using Research.Benchmarks.Fixtures;
using Research.Benchmarks.Harness;
using Research.Imaging;
using Research.Imaging.Codecs;

namespace Research.Benchmarks.Cases;

/// <summary>
/// The 113 folds of a 512x512 8-bit image and its mask into two preallocated contiguous buffers
/// (<see cref="FoldExpansion.ExpandInto{T}"/>, single-threaded) against NumPy's rot90/fliplr/roll and against a plain
/// copy of the same bytes. Target: at most 10 ms.
/// </summary>
public sealed class Augment113Case : IBenchmarkCase
{
    private const int Size = 512;

    /// <inheritdoc />
    public string Name => "augment-113-fold-512";

    /// <inheritdoc />
    public string What => "113 folds of 512x512 8-bit image + mask";

    /// <inheritdoc />
    public CasePlan Prepare(CaseContext context)
    {
        var rgb = NaturalImage.Create(Size, Size, 113);
        var image = new Image<byte>(Size, Size);
        var mask = new Image<byte>(Size, Size);
        for (int i = 0; i < Size * Size; i++)
        {
            image.Data[i] = rgb.Data[i * 3 + 1];
            mask.Data[i] = image.Data[i] > 128 ? (byte)255 : (byte)0;
        }
        string imagePath = Path.Combine(context.WorkDirectory, "image-512.png"), maskPath = Path.Combine(context.WorkDirectory, "mask-512.png");
        ImageFile.Write(imagePath, image);
        ImageFile.Write(maskPath, mask);
        var folds = FoldSchemes.Folds(AugmentationScheme.Fold113);
        var imageOut = new byte[113 * Size * Size];
        var maskOut = new byte[113 * Size * Size];
        void Run()
        {
            FoldExpansion.ExpandInto<byte>(image.Data, Size, Size, 1, folds, imageOut);
            FoldExpansion.ExpandInto<byte>(mask.Data, Size, Size, 1, folds, maskOut);
        }
        return new CasePlan(
            Ours: Run,
            Reference: new ReferenceScript("augment_113.py", [imagePath, maskPath]),
            Comparisons:
            [
                new Comparison("NumPy rot90/fliplr/roll", "numpy", Target.OursAtMost(TimeSpan.FromMilliseconds(10))),
                new Comparison("memory copy of the same bytes (NumPy copyto)", "memcpy", Target.None),
            ],
            Fixture: new Dictionary<string, string> { ["image"] = "NaturalImage.Create(512, 512, seed 113), green channel", ["mask"] = "image > 128 -> 255" },
            OursFingerprint: () =>
            {
                Run();
                using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                sha.AppendData(imageOut);
                sha.AppendData(maskOut);
                return "sha256=" + Convert.ToHexStringLower(sha.GetHashAndReset());
            });
    }
}
