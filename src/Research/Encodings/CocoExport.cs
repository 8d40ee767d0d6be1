using System.Text.Json;
using Research.Imaging;
using Research.IO;

namespace Research.Encodings;

/// <summary>
/// Builds COCO instances JSON from label images for detection and instance-segmentation tools: one image entry
/// per label image (ids 1..n in input order), one annotation per label (ids 1..m, images in order, labels ascending)
/// with bbox, area, <c>iscrowd = 0</c> and the mask as COCO uncompressed RLE, one category.
/// </summary>
/// <remarks>pycocotools reads uncompressed RLE for any <c>iscrowd</c> (<c>annToRLE</c> converts it with <c>frPyObjects</c>).</remarks>
public static class CocoExport
{
    private static readonly JsonSerializerOptions Compact = new(Json.Options) { WriteIndented = false };

    /// <summary>The COCO dataset of <paramref name="images"/>: (file name, one-channel label image) pairs.</summary>
    public static CocoDataset Build(IEnumerable<(string FileName, IImage Labels)> images, CocoExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(images);
        options ??= CocoExportOptions.Default;
        var imageEntries = new List<CocoImage>();
        var annotations = new List<CocoAnnotation>();
        foreach (var (fileName, labels) in images)
        {
            int imageId = imageEntries.Count + 1;
            imageEntries.Add(new CocoImage(imageId, fileName, labels.Width, labels.Height));
            foreach (var item in LabelImages.Objects(labels))
            {
                annotations.Add(new CocoAnnotation(annotations.Count + 1, imageId, options.CategoryId,
                    ToCocoRle(item.Runs, labels.Width, labels.Height), item.Area,
                    [item.MinX, item.MinY, item.MaxX - item.MinX + 1, item.MaxY - item.MinY + 1], 0));
            }
        }
        return new CocoDataset(imageEntries, annotations, [new CocoCategory(options.CategoryId, options.CategoryName, options.Supercategory)]);
    }

    /// <summary>Converts Kaggle runs (1-based starts, column-major) of a <paramref name="width"/> x <paramref name="height"/> image to COCO counts.</summary>
    public static CocoRle ToCocoRle(IReadOnlyList<RleRun> runs, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(runs);
        long total = (long)width * height;
        var counts = new List<long>(runs.Count * 2 + 1);
        long position = 0;
        foreach (var run in runs)
        {
            long gap = run.Start - 1 - position;
            if (gap < 0) throw new ArgumentException("Runs must be sorted and must not overlap.", nameof(runs));
            if (gap == 0 && counts.Count > 0) counts[^1] += run.Length;
            else
            {
                counts.Add(gap);
                counts.Add(run.Length);
            }
            position = run.Start - 1 + run.Length;
        }
        if (position > total) throw new ArgumentException($"Runs end at pixel {position}, past the {total} pixels of the image.", nameof(runs));
        if (position < total || counts.Count == 0) counts.Add(total - position);
        return new CocoRle([.. counts], [height, width]);
    }

    /// <summary>The dataset as compact JSON (COCO files are large; no indentation).</summary>
    public static string Serialize(CocoDataset dataset) => JsonSerializer.Serialize(dataset, Compact);

    /// <summary>Writes the dataset to <paramref name="path"/> as compact JSON, atomically.</summary>
    public static void Write(string path, CocoDataset dataset) => AtomicFile.WriteAllText(path, Serialize(dataset) + "\n");
}
