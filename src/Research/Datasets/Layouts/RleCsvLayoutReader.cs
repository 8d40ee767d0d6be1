using Research.Datasets.Manifests;
using Research.Datasets.Validation;
using Research.Encodings;
using Research.Imaging;

namespace Research.Datasets.Layouts;

/// <summary>
/// Images in a folder pattern (<c>{id}/images</c> by default, DSB2018 stage1_test) and a CSV of Kaggle RLE rows
/// (<c>layout.csv</c>; columns <c>ImageId,EncodedPixels</c>, optional <c>Height,Width</c>): one row per object, rows of
/// an image numbered 1..n in file order; an empty EncodedPixels (ultrasound nerve) is an image without object.
/// Parsing and decoding are the project's Kaggle RLE codec (<see cref="Encodings.RleCsvReader"/>, <see cref="RleDecoder"/>).
/// </summary>
public sealed class RleCsvLayoutReader : ILayoutReader
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
        var rows = RleDecoder.Group(Encodings.RleCsvReader.Read(csv));
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
            int present = objects.Count(o => !o.IsEmpty);
            samples.Add(new DatasetSample(id, image, TruthKind.RleRows, [csv], LayoutFiles.Loader(image),
                () => RleDecoder.DecodeImage(id, objects, _ => ImageSize(image), csv).Labels,
                metadata: new Dictionary<string, string> { ["objects"] = present.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        }
        return new LayoutScan(samples, problems);
    }

    private static (int Width, int Height)? ImageSize(string path)
    {
        IImage image = Imaging.Codecs.ImageFile.Read(path);
        return (image.Width, image.Height);
    }
}
