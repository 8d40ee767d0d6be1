using Research.Imaging;
using Research.Imaging.Codecs;
using Research.IO;

namespace Research.Encodings;

/// <summary>What <see cref="RleFolders.Decode"/> or <see cref="RleFolders.Encode"/> wrote.</summary>
/// <param name="Images">Images (label files or distinct ImageIds).</param>
/// <param name="Objects">Objects (non-empty rows).</param>
/// <param name="Output">The folder or file written.</param>
public sealed record RleFolderSummary(int Images, int Objects, string Output);

/// <summary>
/// The file-level RLE operations behind <c>research rle</c>: an RLE CSV to a folder of 16-bit label TIFFs, and a
/// folder of label images to an RLE CSV. Both write atomically (a staged folder, a temporary file).
/// </summary>
public static class RleFolders
{
    private static readonly string[] LabelExtensions = [".tif", ".tiff", ".png"];

    /// <summary>
    /// Decodes <paramref name="csvPath"/> into <c>outDir/&lt;ImageId&gt;.tif</c> (16-bit, labels 1..n in row order).
    /// Sizes come from Height/Width columns, else from <paramref name="imagesDir"/> (<c>&lt;ImageId&gt;.png</c> or the
    /// DSB layout <c>&lt;ImageId&gt;/images/&lt;ImageId&gt;.png</c>). <paramref name="progress"/> gets images done and total.
    /// </summary>
    public static RleFolderSummary Decode(string csvPath, string outDir, string? imagesDir, bool force, IProgress<(int Done, int Total)>? progress = null)
    {
        if (imagesDir is not null && !Directory.Exists(imagesDir)) throw new InputException($"{imagesDir}: folder not found; give the images folder with --images.");
        var groups = RleDecoder.Group(RleCsvReader.Read(csvPath));
        using var folder = OutputFolder.Begin(outDir, force);
        int images = 0, objects = 0;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (id, rows) in groups)
        {
            var image = RleDecoder.DecodeImage(id, rows, i => imagesDir is null ? null : FindImageSize(imagesDir, i), csvPath);
            string file = SafeFileName(image.ImageId, csvPath) + ".tif";
            if (!seen.Add(file)) throw new InputException($"{csvPath}: ImageIds '{image.ImageId}' and another differ only in case and would write the same file {file}.");
            ImageFile.Write(folder.PathFor(file), image.Labels);
            objects += image.Objects;
            images++;
            progress?.Report((images, groups.Count));
        }
        folder.Commit();
        return new RleFolderSummary(images, objects, folder.Target);
    }

    /// <summary>
    /// Encodes every label image (<c>.tif</c>, <c>.tiff</c>, <c>.png</c>) in <paramref name="labelsDir"/>, in ordinal file
    /// name order, into <paramref name="outFile"/>: ImageId = the file name without extension, one row per object in
    /// ascending label order, canonical runs; an image without objects gets one row with empty EncodedPixels.
    /// </summary>
    public static RleFolderSummary Encode(string labelsDir, string outFile, bool sizes, IProgress<(int Done, int Total)>? progress = null)
    {
        if (!Directory.Exists(labelsDir)) throw new InputException($"{labelsDir}: folder not found; give the label images folder with --labels.");
        var files = Directory.EnumerateFiles(labelsDir)
            .Where(f => LabelExtensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0) throw new InputException($"{labelsDir}: no label images (.tif, .tiff, .png) found.");
        int objects = 0, done = 0;
        AtomicFile.Write(outFile, stream =>
        {
            using var text = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
            var csv = new RleCsvWriter(text, sizes);
            foreach (var file in files)
            {
                IImage image = ImageFile.Read(file);
                if (image.Channels != 1) throw new InputException($"{file}: has {image.Channels} channels; a label image has one.");
                string id = Path.GetFileNameWithoutExtension(file);
                var found = LabelImages.Objects(image);
                if (found.Count == 0) csv.WriteRow(id, [], image.Height, image.Width);
                foreach (var item in found) csv.WriteRow(id, item.Runs, image.Height, image.Width);
                objects += found.Count;
                done++;
                progress?.Report((done, files.Count));
            }
        });
        return new RleFolderSummary(files.Count, objects, Path.GetFullPath(outFile));
    }

    /// <summary>
    /// The (width, height) of the image for <paramref name="imageId"/> in <paramref name="imagesDir"/>: the first of
    /// <c>&lt;id&gt;.png</c>, <c>&lt;id&gt;.tif</c>, <c>&lt;id&gt;/images/&lt;id&gt;.png</c> that exists; null if none does.
    /// </summary>
    public static (int Width, int Height)? FindImageSize(string imagesDir, string imageId)
    {
        string[] candidates =
        [
            Path.Combine(imagesDir, imageId + ".png"),
            Path.Combine(imagesDir, imageId + ".tif"),
            Path.Combine(imagesDir, imageId, "images", imageId + ".png"),
        ];
        foreach (var path in candidates)
        {
            if (!File.Exists(path)) continue;
            var image = ImageFile.Read(path);
            return (image.Width, image.Height);
        }
        return null;
    }

    private static string SafeFileName(string imageId, string csvPath)
    {
        if (imageId is "." or ".." || imageId.IndexOfAny(['/', '\\', '\0']) >= 0 || imageId.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            throw new InputException($"{csvPath}: ImageId '{imageId}' cannot be a file name (it holds a path separator or is '.' or '..').");
        }
        return imageId;
    }
}
