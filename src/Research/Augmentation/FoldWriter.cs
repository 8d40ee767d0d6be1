using System.Globalization;
using System.Text;
using Research.Imaging;
using Research.Imaging.Codecs;
using Research.IO;

namespace Research.Augmentation;

/// <summary>What <see cref="FoldWriter.Write"/> wrote.</summary>
/// <param name="OutputFolder">The output folder.</param>
/// <param name="Folds">The folds written.</param>
/// <param name="WithMask">Whether masks were written.</param>
public sealed record FoldWriteResult(string OutputFolder, IReadOnlyList<Fold> Folds, bool WithMask);

/// <summary>
/// Writes every fold of an image (and its mask) to a folder: <c>index.csv</c> (fold, rotation, flip, axis, shift, image,
/// mask), <c>images/NNN.ext</c>, <c>masks/NNN.ext</c> and <c>augmentation.json</c>, keeping the input's format and bit
/// depth. The folder appears only when complete.
/// </summary>
public static class FoldWriter
{
    /// <summary>Reads, checks, expands and writes; see the class summary.</summary>
    public static FoldWriteResult Write(FoldWriteOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string imageExt = Extension(options.ImagePath);
        string? maskExt = options.MaskPath is null ? null : Extension(options.MaskPath);
        IImage image = ImageFile.Read(options.ImagePath);
        IImage? mask = options.MaskPath is null ? null : ImageFile.Read(options.MaskPath);
        if (mask is not null) MaskCheck.Check(image, mask, options.MaskKind, options.MaskPath!);
        FoldSchemes.CheckApplicable(options.Scheme, image.Width, image.Height, options.ImagePath);
        var folds = FoldSchemes.Folds(options.Scheme);

        using var output = OutputFolder.Begin(options.OutputFolder, options.Force);
        WriteFolds(image, options.Scheme, i => output.PathFor(Path.Combine("images", Name(i, imageExt))));
        if (mask is not null) WriteFolds(mask, options.Scheme, i => output.PathFor(Path.Combine("masks", Name(i, maskExt!))));
        AtomicFile.WriteAllText(output.PathFor("index.csv"), IndexCsv(folds, image.Width, image.Height, imageExt, maskExt));
        Json.Write(output.PathFor("augmentation.json"), new
        {
            Scheme = FoldSchemes.Name(options.Scheme),
            Folds = folds.Count,
            Image = Path.GetFullPath(options.ImagePath),
            ImageSha256 = FileHash.Sha256(options.ImagePath),
            Mask = options.MaskPath is null ? null : Path.GetFullPath(options.MaskPath),
            MaskSha256 = options.MaskPath is null ? null : FileHash.Sha256(options.MaskPath),
            MaskKind = options.MaskKind,
            Definition = "fold 0 = original; fold 1 + ((r * 2 + flip) * 2 + axis) * 7 + (k - 1) = np.roll(fliplr?(np.rot90(a, r)), floor(k * W / 8) along x or floor(k * H / 8) along y), W, H of the rotated image",
        });
        output.Commit();
        return new FoldWriteResult(output.Target, folds, mask is not null);
    }

    /// <summary>The index.csv text: one row per fold, invariant culture, paths relative to the folder.</summary>
    public static string IndexCsv(IReadOnlyList<Fold> folds, int width, int height, string imageExt, string? maskExt)
    {
        var csv = new StringBuilder("fold,rotation,flip,axis,shift,image,mask\n");
        foreach (var f in folds)
        {
            string mask = maskExt is null ? "" : $"masks/{Name(f.Index, maskExt)}";
            csv.Append(CultureInfo.InvariantCulture,
                $"{f.Index},{f.RotationDegrees},{(f.Flip ? 1 : 0)},{f.AxisName},{f.ShiftPixels(width, height)},images/{Name(f.Index, imageExt)},{mask}\n");
        }
        return csv.ToString();
    }

    private static string Name(int fold, string ext) => fold.ToString("000", CultureInfo.InvariantCulture) + ext;

    private static string Extension(string path)
    {
        ImageFile.FormatFromExtension(path);
        return Path.GetExtension(path);
    }

    private static void WriteFolds(IImage image, AugmentationScheme scheme, Func<int, string> pathOf)
    {
        switch (image)
        {
            case Image<byte> b: WriteStack(FoldExpansion.Expand(b, scheme), pathOf); break;
            case Image<ushort> s: WriteStack(FoldExpansion.Expand(s, scheme), pathOf); break;
            case Image<float> f: WriteStack(FoldExpansion.Expand(f, scheme), pathOf); break;
            case Image<int> n: WriteStack(FoldExpansion.Expand(n, scheme), pathOf); break;
            default: throw new ArgumentException($"Unsupported image {image}.", nameof(image));
        }
    }

    private static AugmentationScheme Scheme(IReadOnlyList<Fold> folds) => folds.Count == 8 ? AugmentationScheme.D4 : AugmentationScheme.Fold113;

    private static void WriteStack<T>(FoldStack<T> stack, Func<int, string> pathOf) where T : unmanaged
    {
        for (int i = 0; i < stack.Folds.Count; i++) ImageFile.Write(pathOf(i), stack.ToImage(i));
    }
}
