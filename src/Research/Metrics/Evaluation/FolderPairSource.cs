using Research.Imaging.Codecs;

namespace Research.Metrics.Evaluation;

/// <summary>
/// Pairs from a folder of true label images (PNG or TIFF) and a prediction set (a label folder or a Kaggle RLE file),
/// matched by file stem / ImageId. Every true image is evaluated; a
/// true image without a prediction is reported in <see cref="Missing"/> and paired with an empty prediction, or,
/// when strict, makes <see cref="Check"/> throw. Predictions without a true image are listed in
/// <see cref="Unmatched"/> and ignored.
/// </summary>
public sealed class FolderPairSource : ILabelPairSource
{
    private readonly SortedDictionary<string, string> _truth;
    private readonly IPredictionSet _prediction;

    /// <summary>Indexes both folders; throws <see cref="InputException"/> for a missing folder or duplicate stems.</summary>
    public FolderPairSource(string predictionFolder, string truthFolder, bool strict = false)
        : this(new FolderPredictions(predictionFolder), truthFolder, strict)
    {
    }

    /// <summary>
    /// Pairs <paramref name="predictions"/> with the truth folder; throws <see cref="InputException"/> for a missing
    /// folder, duplicate stems, or predictions none of whose identifiers name a true image.
    /// </summary>
    public FolderPairSource(IPredictionSet predictions, string truthFolder, bool strict = false)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        _truth = new SortedDictionary<string, string>(LabelFolder.Index(truthFolder, "--truth"), StringComparer.Ordinal);
        _prediction = predictions;
        if (_truth.Count == 0) throw new InputException($"{truthFolder}: no label images (.png, .tif, .tiff) in the truth folder.");
        var predicted = predictions.Ids.ToHashSet(StringComparer.Ordinal);
        Missing = [.. _truth.Keys.Where(id => !predicted.Contains(id))];
        Unmatched = [.. predicted.Where(id => !_truth.ContainsKey(id)).Order(StringComparer.Ordinal)];
        if (predicted.Count > 0 && Missing.Count == _truth.Count)
        {
            throw new InputException(
                $"{predictions.Description}: none of its {predicted.Count} identifiers (e.g. '{Unmatched[0]}') names a file in the truth folder {truthFolder} " +
                $"(e.g. '{_truth.Keys.First()}'); identifiers must equal the true files' stems.");
        }
        Strict = strict;
        Description = $"{predictions.Description} against truth {Research.IO.OutputFolder.FinalPath(truthFolder)}";
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
            if (_prediction.Ids.Contains(id))
            {
                yield return new LabelPair(id, truth, _prediction.Load(id, truth.Width, truth.Height));
            }
            else
            {
                yield return new LabelPair(id, truth, LabelImage.Empty(truth.Width, truth.Height, $"(missing prediction for {truthPath})"), MissingPrediction: true);
            }
        }
    }
}
