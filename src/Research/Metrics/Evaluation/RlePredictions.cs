using Research.Encodings;

namespace Research.Metrics.Evaluation;

/// <summary>
/// Predictions as a Kaggle run-length-encoded CSV (<c>ImageId,EncodedPixels</c>, as a DSB2018 submission): objects
/// are numbered in row order and drawn at the size of the matching true image (or the rows' Height/Width).
/// </summary>
public sealed class RlePredictions : IPredictionSet
{
    private readonly Dictionary<string, IReadOnlyList<RleCsvRow>> _rows;
    private readonly string _path;

    /// <summary>Reads and groups the rows of <paramref name="path"/>.</summary>
    public RlePredictions(string path)
    {
        if (!File.Exists(path)) throw new InputException($"--pred-rle {path}: the file does not exist.");
        _path = path;
        _rows = RleDecoder.Group(RleCsvReader.Read(path)).ToDictionary(g => g.Key, g => g.Value, StringComparer.Ordinal);
        Description = $"predictions {Research.IO.OutputFolder.FinalPath(path)}";
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public IReadOnlyCollection<string> Ids => _rows.Keys;

    /// <inheritdoc />
    public LabelImage Load(string id, int width, int height) =>
        LabelImage.From(RleDecoder.DecodeImage(id, _rows[id], width, height, _path).Labels, $"{_path} ImageId {id}");
}
