using Research.Datasets.Layouts;
using Research.Datasets.Manifests;
using Research.Imaging;
using Research.Imaging.Codecs;

namespace Research.Torch.Inference;

/// <summary>One image to predict: the id its outputs are named after, where it comes from, and how to read it.</summary>
/// <param name="Id">The output name (<c>&lt;Id&gt;.tif</c>, the ImageId of <c>submission.csv</c>).</param>
/// <param name="Path">The image file (for messages).</param>
/// <param name="Read">Reads the pixels.</param>
public sealed record PredictionInput(string Id, string Path, Func<IImage> Read);

/// <summary>
/// The images of <c>research predict</c>: one file, every image of a flat folder (PNG, TIFF, JPEG, BMP; ids are the file
/// stems), or every image of a manifest dataset's split read by its layout reader (ids are the sample ids, e.g. the
/// DSB2018 ImageId of <c>stage1_test/&lt;id&gt;/images/&lt;id&gt;.png</c>). Ordered by id (ordinal).
/// </summary>
public static class PredictionInputs
{
    private static readonly string[] Extensions = [".png", ".tif", ".tiff", ".jpg", ".jpeg", ".bmp"];

    /// <summary>Lists the inputs of <paramref name="options"/>; throws <see cref="InputException"/> when there are none.</summary>
    public static IReadOnlyList<PredictionInput> Resolve(PredictOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Dataset is not null) return FromDataset(options.Dataset, options.DatasetRoot!);
        string input = options.Input!;
        if (File.Exists(input)) return [FromFile(input)];
        if (!Directory.Exists(input)) throw new InputException($"--input {input}: no such file or folder.");
        var files = Directory.GetFiles(input).Where(f => Extensions.Contains(System.IO.Path.GetExtension(f).ToLowerInvariant())).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new InputException($"--input {input}: no images ({string.Join(", ", Extensions)}) in this folder; for a dataset's layout (e.g. DSB2018's <id>/images/<id>.png) use --dataset ID --root DIR.");
        }
        return [.. files.Select(FromFile)];
    }

    private static PredictionInput FromFile(string path) => new(System.IO.Path.GetFileNameWithoutExtension(path), path, () => ImageFile.Read(path));

    private static List<PredictionInput> FromDataset(string id, string root)
    {
        if (!Directory.Exists(root)) throw new InputException($"--root {root}: no such folder (the split folder of dataset '{id}', e.g. .../dsb2018/stage1_test).");
        var manifest = ManifestRegistry.Load().Get(id);
        var samples = new LayoutReaders().Scan(manifest, root).Samples;
        if (samples.Count == 0) throw new InputException($"Dataset '{id}' at {root}: no images found with its layout ({KebabCase.Of(manifest.Layout.Kind)}); check that --root is the folder of one split.");
        return [.. samples.OrderBy(s => s.Id, StringComparer.Ordinal).Select(s => new PredictionInput(s.Id, s.ImagePath, s.ReadImage))];
    }
}
