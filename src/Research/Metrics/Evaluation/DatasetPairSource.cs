using Research.Datasets.Layouts;
using Research.Datasets.Manifests;

namespace Research.Metrics.Evaluation;

/// <summary>
/// Pairs whose truth comes from a manifest dataset's split, read by its layout reader (<see cref="LayoutReaders"/>):
/// instance truth (DSB2018's one PNG per object, label images) as it is, a semantic mask as one object per 4-connected
/// component. Predictions are matched by sample id (the DSB ImageId, the file stem). Images without truth are left out
/// and counted in <see cref="WithoutTruth"/>; a split without any truth is an <see cref="InputException"/>. A true image
/// without a prediction is handled as in <see cref="FolderPairSource"/>. Pixels are read one image at a time and not kept.
/// </summary>
public sealed class DatasetPairSource : ILabelPairSource
{
    private readonly IReadOnlyList<DatasetSample> _truth;
    private readonly IPredictionSet _prediction;

    /// <summary>Lists the split and checks the identifiers; throws <see cref="InputException"/> as the class summary says.</summary>
    public DatasetPairSource(IPredictionSet predictions, DatasetManifest manifest, string splitRoot, bool strict = false)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(manifest);
        var samples = new LayoutReaders().Scan(manifest, splitRoot).Samples;
        _truth = [.. WithTruth(samples)];
        if (_truth.Count == 0)
        {
            throw new InputException($"Dataset '{manifest.Id}' at {splitRoot}: none of its {samples.Count} image(s) has truth (masks); evaluate against an annotated split.");
        }
        WithoutTruth = samples.Count - _truth.Count;
        _prediction = predictions;
        var ids = _truth.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var predicted = predictions.Ids.ToHashSet(StringComparer.Ordinal);
        Missing = [.. _truth.Select(s => s.Id).Where(id => !predicted.Contains(id))];
        Unmatched = [.. predicted.Where(id => !ids.Contains(id)).Order(StringComparer.Ordinal)];
        if (predicted.Count > 0 && Missing.Count == _truth.Count)
        {
            throw new InputException($"{predictions.Description}: none of its {predicted.Count} identifiers (e.g. '{Unmatched[0]}') is a sample id of '{manifest.Id}' at {splitRoot} (e.g. '{_truth[0].Id}').");
        }
        if (strict && Missing.Count > 0)
        {
            throw new InputException($"{Missing.Count} true image(s) have no prediction ({string.Join(", ", Missing.Take(5))}{(Missing.Count > 5 ? ", ..." : "")}); without --strict they count as empty predictions.");
        }
        Description = $"{predictions.Description} against dataset {manifest.Id} at {Research.IO.OutputFolder.FinalPath(splitRoot)}";
    }

    /// <summary>The ids of the split's samples that have truth, in ordinal order (the order <see cref="Pairs"/> yields them).</summary>
    public static IReadOnlyList<string> TruthIds(DatasetManifest manifest, string splitRoot)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return [.. WithTruth(new LayoutReaders().Scan(manifest, splitRoot).Samples).Select(s => s.Id)];
    }

    private static IEnumerable<DatasetSample> WithTruth(IEnumerable<DatasetSample> samples) =>
        samples.Where(s => s.Truth != TruthKind.None && s.MaskPaths.Count > 0).OrderBy(s => s.Id, StringComparer.Ordinal);

    /// <inheritdoc />
    public string Description { get; }

    /// <summary>Samples of the split without truth, left out.</summary>
    public int WithoutTruth { get; }

    /// <summary>Ids of true images without a prediction (evaluated against an empty prediction).</summary>
    public IReadOnlyList<string> Missing { get; }

    /// <summary>Ids of predictions without a true image (ignored).</summary>
    public IReadOnlyList<string> Unmatched { get; }

    /// <inheritdoc />
    public IEnumerable<LabelPair> Pairs()
    {
        var predicted = _prediction.Ids.ToHashSet(StringComparer.Ordinal);
        foreach (var sample in _truth)
        {
            var truth = Truth(sample);
            if (predicted.Contains(sample.Id)) yield return new LabelPair(sample.Id, truth, _prediction.Load(sample.Id, truth.Width, truth.Height));
            else yield return new LabelPair(sample.Id, truth, LabelImage.Empty(truth.Width, truth.Height, $"(missing prediction for {sample.Id})"), MissingPrediction: true);
        }
    }

    internal static LabelImage Truth(DatasetSample sample)
    {
        string name = sample.MaskPaths.Count == 1 ? sample.MaskPaths[0] : Path.GetDirectoryName(sample.MaskPaths[0]) ?? sample.Id;
        if (sample.ReadInstances() is { } instances) return LabelImage.From(instances, name);
        if (sample.ReadSemantic() is { } semantic) return LabelImage.From(semantic, name).ToComponents(Processing.Labels.Connectivity.Four);
        throw new InputException($"{name}: the truth of sample '{sample.Id}' could not be read as instance labels or a semantic mask.");
    }
}
