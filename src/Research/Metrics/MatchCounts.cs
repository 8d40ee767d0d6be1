namespace Research.Metrics;

/// <summary>
/// Object counts of a one-to-one matching at an IoU threshold, and the scores over them (pooled when added):
/// precision = TP/(TP+FP), recall = TP/(TP+FN), f1 = 2TP/(2TP+FP+FN), mean_matched_iou = (sum of matched IoU)/TP,
/// pq = (sum of matched IoU)/(TP + FP/2 + FN/2). Zero denominators follow <see cref="Ratio"/>.
/// </summary>
/// <param name="TruePositives">Matched pairs.</param>
/// <param name="FalsePositives">Predicted objects without a match.</param>
/// <param name="FalseNegatives">True objects without a match.</param>
/// <param name="SumMatchedIou">Sum of the IoU of the matched pairs.</param>
public readonly record struct MatchCounts(long TruePositives, long FalsePositives, long FalseNegatives, double SumMatchedIou)
{
    private bool Empty => TruePositives == 0 && FalsePositives == 0 && FalseNegatives == 0;

    /// <summary>TP / (TP + FP).</summary>
    public double Precision => Ratio.Of(TruePositives, TruePositives + FalsePositives, Empty);

    /// <summary>TP / (TP + FN).</summary>
    public double Recall => Ratio.Of(TruePositives, TruePositives + FalseNegatives, Empty);

    /// <summary>2TP / (2TP + FP + FN).</summary>
    public double F1 => Ratio.Of(2.0 * TruePositives, 2.0 * TruePositives + FalsePositives + FalseNegatives, Empty);

    /// <summary>TP / (TP + FP + FN): the DSB2018 score at this threshold for one image.</summary>
    public double CriticalSuccessIndex => Ratio.Of(TruePositives, TruePositives + FalsePositives + FalseNegatives, Empty);

    /// <summary>Mean IoU of the matched pairs.</summary>
    public double MeanMatchedIou => Ratio.Of(SumMatchedIou, TruePositives, Empty);

    /// <summary>Panoptic quality: sum of matched IoU / (TP + FP/2 + FN/2).</summary>
    public double PanopticQuality => Ratio.Of(SumMatchedIou, TruePositives + FalsePositives / 2.0 + FalseNegatives / 2.0, Empty);

    /// <summary>Pooled counts.</summary>
    public static MatchCounts operator +(MatchCounts a, MatchCounts b) => new(
        a.TruePositives + b.TruePositives, a.FalsePositives + b.FalsePositives, a.FalseNegatives + b.FalseNegatives,
        a.SumMatchedIou + b.SumMatchedIou);
}
