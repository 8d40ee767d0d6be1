using Research.Datasets.Manifests;
using Research.Datasets.Validation;
using Research.Imaging;

namespace Research.Datasets.Layouts;

/// <summary>
/// An image folder and a mask folder (<c>images</c> and <c>masks</c> unless the manifest says otherwise), an image
/// <c>a.jpg</c> matched to the mask whose stem is <c>a</c> plus the first suffix of <c>layout.mask_suffixes</c> that
/// exists (<c>_mask</c>, <c>_LI</c>, or none), in any image format. Files whose stem ends with one of
/// <c>layout.ignore_suffixes</c> are skipped (a second observer's maps kept beside the first's). Binary masks are thresholded (at or above
/// <c>masks.threshold</c> is 1) because many collections store masks as JPEG; class-intensity masks keep their values.
/// In a split the manifest declares without truth (<c>annotated: false</c>, such as BH2019's blank images), images
/// without a mask, and a missing masks folder, are not problems: the images are samples without truth.
/// </summary>
public sealed class PairedFoldersReader : ILayoutReader
{
    /// <inheritdoc />
    public LayoutKind Kind => LayoutKind.PairedFolders;

    /// <inheritdoc />
    public LayoutScan Scan(DatasetManifest manifest, string splitRoot)
    {
        LayoutFiles.RequireFolder(splitRoot, manifest);
        string images = PathPatterns.Resolve(splitRoot, manifest.Layout.Images ?? "images");
        string masks = PathPatterns.Resolve(splitRoot, manifest.Layout.Masks ?? "masks");
        IReadOnlyList<string> extensions = LayoutFiles.Extensions(manifest.Layout);
        IReadOnlyList<string> suffixes = manifest.Layout.MaskSuffixes.Count > 0 ? manifest.Layout.MaskSuffixes : [""];
        var problems = new List<DatasetProblem>();
        bool annotated = DatasetValidator.SelectSplit(manifest, splitRoot, null)?.Annotated ?? true;
        if (!Directory.Exists(images)) problems.Add(new DatasetProblem(ProblemKind.MissingImage, images, "the images folder is missing"));
        if (annotated && !Directory.Exists(masks)) problems.Add(new DatasetProblem(ProblemKind.MissingMasks, masks, "the masks folder is missing"));
        IReadOnlyList<string> ignored = manifest.Layout.IgnoreSuffixes;
        bool Ignored(string stem) => ignored.Any(s => stem.EndsWith(s, StringComparison.Ordinal));
        var maskByStem = LayoutFiles.Images(splitRoot, masks, extensions)
            .Where(f => !Ignored(Path.GetFileNameWithoutExtension(f.Name)))
            .GroupBy(f => Path.GetFileNameWithoutExtension(f.Name), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().FullName, StringComparer.Ordinal);
        bool sameFolder = images == masks;
        var used = new HashSet<string>(StringComparer.Ordinal);
        var samples = new List<DatasetSample>();
        foreach (FileInfo image in LayoutFiles.Images(splitRoot, images, extensions))
        {
            string stem = Path.GetFileNameWithoutExtension(image.Name);
            if (Ignored(stem)) continue;
            if (sameFolder && suffixes.Any(s => s.Length > 0 && stem.EndsWith(s, StringComparison.Ordinal))) continue;
            string? mask = suffixes.Select(s => stem + s).Where(maskByStem.ContainsKey).Select(s => { used.Add(s); return maskByStem[s]; }).FirstOrDefault();
            if (sameFolder && mask == image.FullName) mask = null;
            if (mask is null)
            {
                if (annotated) problems.Add(new DatasetProblem(ProblemKind.MissingMasks, image.FullName, $"no mask named {stem}{{{string.Join(",", suffixes)}}}.* in {masks}"));
                samples.Add(new DatasetSample(stem, image.FullName, TruthKind.None, [], LayoutFiles.Loader(image.FullName)));
                continue;
            }
            MaskSpec spec = manifest.Masks;
            samples.Add(new DatasetSample(stem, image.FullName, TruthKind.SemanticMask, [mask], LayoutFiles.Loader(image.FullName),
                loadSemantic: () => Semantic(MaskReading.ReadGrey8(mask), spec)));
        }
        if (!sameFolder)
        {
            foreach (var (stem, path) in maskByStem.Where(m => !used.Contains(m.Key)).OrderBy(m => m.Key, StringComparer.Ordinal))
            {
                problems.Add(new DatasetProblem(ProblemKind.MissingImage, path, $"mask {Path.GetFileName(path)} matches no image"));
            }
        }
        return new LayoutScan(samples, problems);
    }

    /// <summary>Binary masks become 0/1 (value at or above the threshold is 1); other encodings keep their values.</summary>
    public static Image<byte> Semantic(Image<byte> mask, MaskSpec spec)
    {
        if (spec.Encoding != MaskEncoding.Binary) return mask;
        var result = new Image<byte>(mask.Width, mask.Height);
        for (int i = 0; i < mask.Data.Length; i++) result.Data[i] = mask.Data[i] >= spec.Threshold ? (byte)1 : (byte)0;
        return result;
    }
}
