using Research.Datasets.Manifests;
using Research.Datasets.Validation;
using Research.Imaging;

namespace Research.Datasets.Layouts;

/// <summary>Decodes one Kaggle RLE string (1-based <c>start length</c> pairs, column-major) into a 0/1 mask of the given size.</summary>
/// <param name="encodedPixels">The EncodedPixels field.</param>
/// <param name="width">Image width.</param>
/// <param name="height">Image height.</param>
/// <param name="row">The CSV row, for messages.</param>
public delegate Image<byte> RleMaskDecoder(string encodedPixels, int width, int height, string row);

/// <summary>
/// Images in a folder pattern (<c>{id}/images</c> by default, DSB2018 stage1_test) and a CSV of Kaggle RLE rows
/// (<c>layout.csv</c>; columns <c>ImageId,EncodedPixels</c>, optional <c>Height,Width</c>): one row per object, rows of
/// an image numbered 1..n in file order; an empty EncodedPixels (ultrasound nerve) is an image without object.
/// The decoding itself is the injected <see cref="RleMaskDecoder"/> (the project's Kaggle RLE codec).
/// </summary>
public sealed class RleCsvReader(RleMaskDecoder? decoder) : ILayoutReader
{
    /// <inheritdoc />
    public LayoutKind Kind => LayoutKind.RleCsv;

    /// <inheritdoc />
    public LayoutScan Scan(DatasetManifest manifest, string splitRoot)
    {
        LayoutFiles.RequireFolder(splitRoot, manifest);
        string csv = PathPatterns.Resolve(splitRoot, manifest.Layout.Csv
            ?? throw new InputException($"{manifest.SourceFile}: 'layout.csv' is required for the rle-csv layout (the CSV file, relative to the split folder)."));
        if (!File.Exists(csv)) throw new InputException($"{csv}: the RLE CSV file named by layout.csv does not exist.");
        var rows = RleCsvRows.Read(csv);
        string pattern = manifest.Layout.Images ?? "{id}/images";
        IReadOnlyList<string> extensions = LayoutFiles.Extensions(manifest.Layout);
        var samples = new List<DatasetSample>();
        var problems = new List<DatasetProblem>();
        foreach (var (id, objects) in rows)
        {
            string folder = PathPatterns.Resolve(splitRoot, PathPatterns.Expand(pattern, id));
            string? image = extensions.Select(e => Path.Combine(folder, id + e)).FirstOrDefault(File.Exists);
            if (image is null)
            {
                problems.Add(new DatasetProblem(ProblemKind.MissingImage, Path.Combine(folder, id + ".*"), $"{csv}: ImageId {id} has no image file"));
                continue;
            }
            var present = objects.Where(o => o.Encoded.Length > 0).ToList();
            samples.Add(new DatasetSample(id, image, TruthKind.RleRows, [csv], LayoutFiles.Loader(image),
                () => Combine(present, image, decoder), metadata: new Dictionary<string, string> { ["objects"] = present.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        }
        return new LayoutScan(samples, problems);
    }

    private static Image<ushort> Combine(List<RleCsvRow> rows, string image, RleMaskDecoder? decoder)
    {
        if (decoder is null) throw new InputException("No Kaggle RLE decoder is wired into this reader; construct RleCsvReader with the project's RLE decoder.");
        var (width, height) = rows.Count > 0 && rows[0].Width is int w && rows[0].Height is int h ? (w, h) : ImageSize(image);
        var canvas = new ObjectMaskCanvas(width, height);
        foreach (RleCsvRow row in rows)
        {
            Image<byte> mask = decoder(row.Encoded, width, height, row.Where);
            var overlaps = canvas.Add(mask, MaskExtent.Of(mask));
            if (overlaps.Count > 0) throw new InputException($"{row.Where}: overlaps object {overlaps.First().Key} of the same image in {overlaps.First().Value} pixel(s).");
        }
        return canvas.Labels;
    }

    private static (int, int) ImageSize(string path)
    {
        IImage image = Imaging.Codecs.ImageFile.Read(path);
        return (image.Width, image.Height);
    }
}
