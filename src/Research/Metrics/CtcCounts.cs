namespace Research.Metrics;

/// <summary>
/// Cell Tracking Challenge segmentation (SEG) and detection (DET) counts, pooled over images by adding.
/// A predicted object S matches a true object R when |R and S| &gt; 0.5 |R| (so each R has at most one match).
/// SEG = mean over all true objects R of IoU(R, S), 0 for an unmatched R. DET: AOGM-D = 5 NS + 10 FN + 1 FP where
/// FN = true objects matched by no prediction, FP = predictions matching no true object, NS = sum over predictions
/// of (true objects it matches - 1) for those matching at least one; DET = 1 - min(AOGM-D, 10 N) / (10 N) with
/// N true objects. With no true objects SEG and DET are 1 when nothing was predicted and 0 otherwise.
/// </summary>
/// <param name="TrueObjects">N: true objects.</param>
/// <param name="PredictedObjects">Predicted objects.</param>
/// <param name="SumIou">Sum over true objects of IoU with their match (0 when unmatched).</param>
/// <param name="Splits">NS: sum over predictions of (matched true objects - 1).</param>
/// <param name="Misses">FN: true objects with no match.</param>
/// <param name="Extras">FP: predictions matching no true object.</param>
public readonly record struct CtcCounts(long TrueObjects, long PredictedObjects, double SumIou, long Splits, long Misses, long Extras)
{
    private bool Empty => TrueObjects == 0 && PredictedObjects == 0;

    /// <summary>SEG: mean IoU over true objects, 0 for unmatched ones.</summary>
    public double Seg => Ratio.Of(SumIou, TrueObjects, Empty);

    /// <summary>AOGM-D = 5 NS + 10 FN + 1 FP.</summary>
    public long Aogm => 5 * Splits + 10 * Misses + Extras;

    /// <summary>DET = 1 - min(AOGM-D, 10 N) / (10 N).</summary>
    public double Det => TrueObjects == 0 ? (Empty ? 1.0 : 0.0) : 1.0 - Math.Min(Aogm, 10 * TrueObjects) / (10.0 * TrueObjects);

    /// <summary>The counts of one image.</summary>
    public static CtcCounts Of(ContingencyTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var matchesPerPrediction = new int[table.Prediction.Count];
        int matchedTrue = 0;
        double sum = 0;
        foreach (var o in table.Overlaps)
        {
            if (2 * o.Pixels <= table.Truth.Areas[o.True]) continue;
            matchesPerPrediction[o.Predicted]++;
            matchedTrue++;
            sum += table.Iou(o);
        }
        long splits = 0, extras = 0;
        foreach (int k in matchesPerPrediction)
        {
            if (k == 0) extras++;
            else splits += k - 1;
        }
        return new CtcCounts(table.Truth.Count, table.Prediction.Count, sum, splits, table.Truth.Count - matchedTrue, extras);
    }

    /// <summary>Pooled counts.</summary>
    public static CtcCounts operator +(CtcCounts a, CtcCounts b) => new(
        a.TrueObjects + b.TrueObjects, a.PredictedObjects + b.PredictedObjects, a.SumIou + b.SumIou,
        a.Splits + b.Splits, a.Misses + b.Misses, a.Extras + b.Extras);
}
