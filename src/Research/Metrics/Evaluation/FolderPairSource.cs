using Research.Imaging.Codecs;

namespace Research.Metrics.Evaluation;

/// <summary>
/// Pairs from two folders of label images (PNG or TIFF), matched by file stem. Every true image is evaluated; a
/// true image without a prediction is reported in <see cref="Missing"/> and paired with an empty prediction, or,
/// when strict, makes <see cref="Check"/> throw. Predictions without a true image are listed in
/// <see cref="Unmatched"/> and ignored.
/// </summary>
public sealed class FolderPairSource : ILabelPairSource
{
    private static readonly string[] Extensions = [".png", ".tif", ".tiff"];
    private readonly SortedDictionary<string, string> _truth;
    private readonly Dictionary<string, string> _prediction;

    /// <summary>Indexes both folders; throws <see cref="InputException"/> for a missing folder or duplicate stems.</summary>
    public FolderPairSource(string predictionFolder, string truthFolder, bool strict = false)
    {
        _truth = new SortedDictionary<string, string>(Index(truthFolder, "--truth"), StringComparer.Ordinal);
        _prediction = Index(predictionFolder, "--pred");
        if (_truth.Count == 0) throw new InputException($"{truthFolder}: no label images (.png, .tif, .tiff) in the truth folder.");
        Missing = [.. _truth.Keys.Where(id => !_prediction.ContainsKey(id))];
        Unmatched = [.. _prediction.Keys.Where(id => !_truth.ContainsKey(id)).Order(StringComparer.Ordinal)];
        Strict = strict;
        Description = $"predictions {predictionFolder} against truth {truthFolder}";
        Check();
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <summary>Whether a missing prediction is an error.</summary>
    public bool Strict { get; }

    /// <summary>Stems of true images without a prediction (evaluated against an empty prediction unless strict).</summary>
    public IReadOnlyList<string> Missing { get; }

    /// <summary>Stems of predictions without a true image (ignored).</summary>
    public IReadOnlyList<string> Unmatched { get; }

    /// <summary>Throws <see cref="InputException"/> when strict and a prediction is missing.</summary>
    public void Check()
    {
        if (Strict && Missing.Count > 0)
        {
            throw new InputException(
                $"{Missing.Count} true image(s) have no prediction ({string.Join(", ", Missing.Take(5))}{(Missing.Count > 5 ? ", ..." : "")}); predictions are matched to truth by file stem. Without --strict they count as empty predictions.");
        }
    }

    /// <inheritdoc />
    public IEnumerable<LabelPair> Pairs()
    {
        foreach (var (id, truthPath) in _truth)
        {
            var truth = LabelImage.From(ImageFile.Read(truthPath), truthPath);
            if (_prediction.TryGetValue(id, out string? predictionPath))
            {
                yield return new LabelPair(id, truth, LabelImage.From(ImageFile.Read(predictionPath), predictionPath));
            }
            else
            {
                yield return new LabelPair(id, truth, LabelImage.Empty(truth.Width, truth.Height, $"(missing prediction for {truthPath})"), MissingPrediction: true);
            }
        }
    }

    private static Dictionary<string, string> Index(string folder, string option)
    {
        if (!Directory.Exists(folder)) throw new InputException($"{option} {folder}: the folder does not exist.");
        var index = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string path in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            if (!Extensions.Contains(Path.GetExtension(path).ToLowerInvariant())) continue;
            string stem = Path.GetFileNameWithoutExtension(path);
            if (!index.TryAdd(stem, path))
            {
                throw new InputException($"{option} {folder}: two label images share the stem '{stem}' ({index[stem]} and {path}); keep one.");
            }
        }
        return index;
    }
}
