using Research.Datasets.Layouts;
using Research.Datasets.Manifests;
using Research.Imaging.Codecs;
using Research.Metrics;
using Research.Metrics.Evaluation;

namespace Research.Measurements;

/// <summary>
/// Where the images to measure come from: a folder of label images (optionally with a folder of intensity images
/// matched by file stem), a manifest dataset's split (its truth, read by the layout reader, with its images), or a
/// folder of predicted labels measured beside such a truth (intensities taken from the truth's images by stem/id).
/// </summary>
public static class MeasureSources
{
    /// <summary>Label images of <paramref name="labels"/> (PNG/TIFF), in file-name order; intensity images of <paramref name="images"/> by stem.</summary>
    public static IReadOnlyList<MeasureInput> FromFolders(string labels, string? images)
    {
        var index = LabelFolder.Index(labels, "--labels");
        Dictionary<string, string>? pictures = images is null ? null : ImageIndex(images);
        var inputs = new List<MeasureInput>(index.Count);
        foreach (var (stem, path) in index.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            string? picture = null;
            if (pictures is not null && !pictures.TryGetValue(stem, out picture))
            {
                throw new InputException($"{path}: no intensity image with the stem '{stem}' in --images {images}; give every label image its image, or leave out --images.");
            }
            inputs.Add(new MeasureInput(Path.GetFileName(path), path, () => LabelImage.From(ImageFile.Read(path), path),
                picture, picture is null ? () => null : () => ImageFile.Read(picture)));
        }
        return inputs;
    }

    /// <summary>The annotated samples of a dataset split, by id, with their images as intensities.</summary>
    public static IReadOnlyList<MeasureInput> FromDataset(DatasetManifest manifest, string splitRoot)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        if (!Directory.Exists(splitRoot)) throw new InputException($"--root {splitRoot}: the folder does not exist.");
        var samples = new LayoutReaders().Scan(manifest, splitRoot).Samples
            .Where(s => s.Truth != TruthKind.None && s.MaskPaths.Count > 0).OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
        if (samples.Count == 0) throw new InputException($"Dataset '{manifest.Id}' at {splitRoot}: no image has truth (masks); measure an annotated split.");
        return [.. samples.Select(s => new MeasureInput(s.Id, s.MaskPaths[0], () => DatasetPairSource.Truth(s), s.ImagePath, s.ReadImage))];
    }

    /// <summary>Predicted label images of <paramref name="folder"/> matched by stem to <paramref name="truth"/>'s names, with the truth's intensity images.</summary>
    public static IReadOnlyList<MeasureInput> Predictions(string folder, IReadOnlyList<MeasureInput> truth)
    {
        ArgumentNullException.ThrowIfNull(truth);
        var index = LabelFolder.Index(folder, "--pred");
        if (truth.Count == 0) throw new InputException($"--pred {folder}: there is no true image to match the predictions to.");
        var byStem = new Dictionary<string, MeasureInput>(StringComparer.Ordinal);
        foreach (MeasureInput t in truth)
        {
            string stem = Path.GetFileNameWithoutExtension(t.Image);
            if (!byStem.TryAdd(stem, t))
            {
                throw new InputException($"--pred {folder}: predictions are matched to the truth by file stem, and two true images share the stem '{stem}' " +
                    $"({byStem[stem].Image} and {t.Image}, e.g. frames of two sequences); measure one sequence or folder at a time.");
            }
        }
        var inputs = new List<MeasureInput>();
        foreach (var (stem, path) in index.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!byStem.TryGetValue(stem, out MeasureInput? t))
            {
                throw new InputException($"{path}: no true image with the stem '{stem}' (e.g. '{truth[0].Image}'); predictions are matched to the truth by file stem or sample id.");
            }
            inputs.Add(new MeasureInput(Path.GetFileName(path), path, () => LabelImage.From(ImageFile.Read(path), path), t.IntensitySource, t.ReadIntensity));
        }
        if (inputs.Count == 0) throw new InputException($"--pred {folder}: holds no label image (PNG/TIFF).");
        return inputs;
    }

    private static Dictionary<string, string> ImageIndex(string folder)
    {
        if (!Directory.Exists(folder)) throw new InputException($"--images {folder}: the folder does not exist.");
        var index = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string path in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            if (!LayoutFiles.DefaultImageExtensions.Contains(Path.GetExtension(path).ToLowerInvariant())) continue;
            string stem = Path.GetFileNameWithoutExtension(path);
            if (!index.TryAdd(stem, path)) throw new InputException($"--images {folder}: two images share the stem '{stem}' ({index[stem]} and {path}); keep one.");
        }
        return index;
    }
}
