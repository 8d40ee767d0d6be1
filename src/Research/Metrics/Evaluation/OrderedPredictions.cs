using Research.Imaging.Codecs;

namespace Research.Metrics.Evaluation;

/// <summary>
/// Predictions paired with the true images by sorted order rather than by name: the k-th prediction file (ordinal
/// order of the file names that match a pattern) belongs to the k-th true image (ordinal order of their ids). For
/// predictions numbered in the truth's order under other names (BH2019's <c>0001_05_Test_Res_DL_Pred_Binary.png</c>
/// ... <c>0007_...</c> for the sorted <c>test/images</c>). The counts must be equal; the pairing is listed in
/// <see cref="Pairing"/> (and the evaluation's provenance).
/// </summary>
public sealed class OrderedPredictions : IPredictionSet
{
    private readonly Dictionary<string, string> _files;

    /// <summary>
    /// Pairs the files of <paramref name="folder"/> matching <paramref name="pattern"/> (<c>*</c> and <c>?</c>
    /// wildcards) with <paramref name="truthIds"/>; throws <see cref="InputException"/> when the folder is missing or
    /// the counts differ.
    /// </summary>
    public OrderedPredictions(string folder, string pattern, IReadOnlyList<string> truthIds)
    {
        ArgumentNullException.ThrowIfNull(truthIds);
        var files = LabelFolder.Index(folder, "--pred", pattern).OrderBy(f => Path.GetFileName(f.Value), StringComparer.Ordinal).Select(f => f.Value).ToList();
        var ids = truthIds.Order(StringComparer.Ordinal).ToList();
        if (files.Count != ids.Count)
        {
            throw new InputException(
                $"--pair sorted: {files.Count} prediction file(s) in {folder} match '{pattern}' but the truth has {ids.Count} image(s); " +
                "pairing by sorted order needs one prediction per true image (select them with --pred-pattern).");
        }
        _files = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int k = 0; k < ids.Count; k++) _files[ids[k]] = files[k];
        Pairing = [.. ids.Select(id => (Path.GetFileName(_files[id]), id))];
        Description = $"predictions {folder} ({pattern}) paired with the truth by sorted order: {string.Join(", ", Pairing.Select(p => $"{p.File} = {p.Id}"))}";
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <summary>Prediction file name and the true id it was paired with, in order.</summary>
    public IReadOnlyList<(string File, string Id)> Pairing { get; }

    /// <inheritdoc />
    public IReadOnlyCollection<string> Ids => _files.Keys;

    /// <inheritdoc />
    public LabelImage Load(string id, int width, int height) => LabelImage.From(ImageFile.Read(_files[id]), _files[id]);
}
