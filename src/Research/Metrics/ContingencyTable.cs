namespace Research.Metrics;

/// <summary>
/// The counts of one image pair, from which every instance and pixel metric is computed: the objects of the
/// truth and of the prediction (label values ascending, their areas and bounding boxes) and the overlaps
/// (pixels where true object t and predicted object p coincide, only the non-zero cells of the true x predicted
/// contingency table). Built by <see cref="ContingencyBuilder.Build"/> in one pass over the pixels.
/// </summary>
public sealed class ContingencyTable
{
    internal ContingencyTable(string id, int width, int height, ObjectSet truth, ObjectSet prediction, Overlap[] overlaps)
    {
        Id = id;
        Width = width;
        Height = height;
        Truth = truth;
        Prediction = prediction;
        Overlaps = overlaps;
        long tp = 0;
        foreach (var o in overlaps) tp += o.Pixels;
        TruePositivePixels = tp;
    }

    /// <summary>The image's identifier (file stem).</summary>
    public string Id { get; }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>The true objects.</summary>
    public ObjectSet Truth { get; }

    /// <summary>The predicted objects.</summary>
    public ObjectSet Prediction { get; }

    /// <summary>Non-zero overlaps, ordered by true index then predicted index.</summary>
    public IReadOnlyList<Overlap> Overlaps { get; }

    /// <summary>Pixels that are foreground in both (pixel TP).</summary>
    public long TruePositivePixels { get; }

    /// <summary>Pixels foreground in the prediction only (pixel FP).</summary>
    public long FalsePositivePixels => Prediction.TotalArea - TruePositivePixels;

    /// <summary>Pixels foreground in the truth only (pixel FN).</summary>
    public long FalseNegativePixels => Truth.TotalArea - TruePositivePixels;

    /// <summary>IoU of the pair in overlap <paramref name="o"/>: |T and P| / (|T| + |P| - |T and P|).</summary>
    public double Iou(Overlap o) => (double)o.Pixels / (Truth.Areas[o.True] + Prediction.Areas[o.Predicted] - o.Pixels);
}

/// <summary>One non-zero cell of the contingency table.</summary>
/// <param name="True">Index of the true object in <see cref="ContingencyTable.Truth"/>.</param>
/// <param name="Predicted">Index of the predicted object in <see cref="ContingencyTable.Prediction"/>.</param>
/// <param name="Pixels">Pixels the two share (&gt; 0).</param>
public readonly record struct Overlap(int True, int Predicted, long Pixels);

/// <summary>The objects of one label image: label values ascending, with areas and bounding boxes (same index).</summary>
/// <param name="Labels">Label values, ascending.</param>
/// <param name="Areas">Pixels per object.</param>
/// <param name="Boxes">Bounding box per object.</param>
public sealed record ObjectSet(int[] Labels, long[] Areas, BoundingBox[] Boxes)
{
    /// <summary>Number of objects.</summary>
    public int Count => Labels.Length;

    /// <summary>Foreground pixels (sum of areas).</summary>
    public long TotalArea => Areas.Sum();
}
