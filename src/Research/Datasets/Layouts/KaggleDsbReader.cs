using Research.Datasets.Manifests;
using Research.Datasets.Validation;
using Research.Imaging;

namespace Research.Datasets.Layouts;

/// <summary>
/// The Kaggle DSB2018 layout: one folder per image id holding <c>images/&lt;id&gt;.png</c> and <c>masks/*.png</c>, one
/// binary PNG per object. Instance labels combine the masks in ordinal file-name order (object k has label k);
/// overlapping masks are an error that names both files and the shared pixel count.
/// </summary>
public sealed class KaggleDsbReader : ILayoutReader
{
    /// <inheritdoc />
    public LayoutKind Kind => LayoutKind.KaggleDsb;

    /// <inheritdoc />
    public LayoutScan Scan(DatasetManifest manifest, string splitRoot)
    {
        LayoutFiles.RequireFolder(splitRoot, manifest);
        string imagesPattern = manifest.Layout.Images ?? "{id}/images";
        string masksPattern = manifest.Layout.Masks ?? "{id}/masks";
        var samples = new List<DatasetSample>();
        var problems = new List<DatasetProblem>();
        foreach (DirectoryInfo dir in LayoutFiles.Folders(splitRoot, splitRoot))
        {
            string id = dir.Name;
            string imageFolder = PathPatterns.Resolve(splitRoot, PathPatterns.Expand(imagesPattern, id));
            string image = Path.Combine(imageFolder, id + ".png");
            if (!File.Exists(image))
            {
                problems.Add(new DatasetProblem(ProblemKind.MissingImage, image, $"folder {id} has no image {id}.png"));
                continue;
            }
            string maskFolder = PathPatterns.Resolve(splitRoot, PathPatterns.Expand(masksPattern, id));
            var masks = LayoutFiles.Images(splitRoot, maskFolder, [".png"]).Select(f => f.FullName).ToList();
            if (masks.Count == 0 && manifest.Masks.Encoding != MaskEncoding.None && HasTruth(manifest, splitRoot))
            {
                problems.Add(new DatasetProblem(ProblemKind.MissingMasks, maskFolder, Directory.Exists(maskFolder) ? $"image {id} has an empty masks folder" : $"image {id} has no masks folder"));
            }
            samples.Add(new DatasetSample(id, image, masks.Count > 0 ? TruthKind.ObjectMasks : TruthKind.None, masks,
                LayoutFiles.Loader(image), masks.Count > 0 ? () => Combine(masks) : null));
        }
        return new LayoutScan(samples, problems);
    }

    /// <summary>Combines one-object mask files into instance labels; throws an <see cref="InputException"/> on overlap or size mismatch.</summary>
    public static Image<ushort> Combine(IReadOnlyList<string> maskFiles)
    {
        ObjectMaskCanvas? canvas = null;
        for (int k = 0; k < maskFiles.Count; k++)
        {
            Image<byte> mask = MaskReading.ReadGrey8(maskFiles[k]);
            canvas ??= new ObjectMaskCanvas(mask.Width, mask.Height);
            if (mask.Width != canvas.Labels.Width || mask.Height != canvas.Labels.Height)
            {
                throw new InputException($"{maskFiles[k]}: mask is {mask.Width}x{mask.Height} but {maskFiles[0]} is {canvas.Labels.Width}x{canvas.Labels.Height}.");
            }
            var overlaps = canvas.Add(mask, MaskExtent.Of(mask));
            if (overlaps.Count > 0)
            {
                var (label, pixels) = overlaps.First();
                throw new InputException($"{maskFiles[k]}: overlaps {maskFiles[label - 1]} in {pixels} pixel(s); instance masks must not overlap.");
            }
        }
        return canvas!.Labels;
    }

    private static bool HasTruth(DatasetManifest manifest, string splitRoot)
    {
        string name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(splitRoot)));
        SplitSpec? split = manifest.Splits.FirstOrDefault(s => Path.GetFileName(s.Folder) == name);
        return split?.Annotated ?? true;
    }
}
