using Research.Imaging;
using Research.Processing;

namespace Research.Metrics.Evaluation;

/// <summary>
/// Wraps a pair source and resizes each prediction whose size differs from its truth to the truth's size by
/// nearest neighbour at pixel centres (<see cref="PredictionResize.Nearest"/>); such pairs carry the prediction's
/// original size in <see cref="LabelPair.PredictionResizedFrom"/>. Pairs of equal sizes pass unchanged.
/// </summary>
public sealed class ResizingPairSource : ILabelPairSource
{
    private readonly ILabelPairSource _inner;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public ResizingPairSource(ILabelPairSource inner)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        Description = $"{inner.Description}, predictions resized to the truth's size (nearest neighbour at pixel centres)";
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public IEnumerable<LabelPair> Pairs()
    {
        foreach (var pair in _inner.Pairs())
        {
            var (t, p) = (pair.Truth, pair.Prediction);
            if (t.Width == p.Width && t.Height == p.Height)
            {
                yield return pair;
                continue;
            }
            yield return pair with { Prediction = Resized(p, t.Width, t.Height), PredictionResizedFrom = (p.Width, p.Height) };
        }
    }

    /// <summary>The labels of <paramref name="prediction"/> resized to <paramref name="width"/> x <paramref name="height"/> (nearest at pixel centres).</summary>
    public static LabelImage Resized(LabelImage prediction, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        var image = new Image<int>(prediction.Width, prediction.Height, 1, prediction.Data);
        var resized = Resize.Nearest(image, width, height, exact: true);
        return new LabelImage(width, height, resized.Data, $"{prediction.Name} (resized from {prediction.Width}x{prediction.Height})");
    }
}
