namespace Research.Metrics;

/// <summary>
/// The Kaggle Data Science Bowl 2018 score. Per image, for each t in 0.50, 0.55, ..., 0.95 a predicted object hits
/// a true object when their IoU &gt; t (one-to-one, see <see cref="InstanceMatching"/>), and
/// score_t = TP / (TP + FP + FN); the image score is the mean over the ten thresholds (empty truth and empty
/// prediction: 1; only one of them empty: 0). The dataset score is the plain mean of the image scores.
/// Not COCO AP: no confidence ranking, no precision-recall curve.
/// </summary>
public static class Dsb2018Score
{
    /// <summary>The ten thresholds, written k/100 (0.5, 0.55, ..., 0.95).</summary>
    public static IReadOnlyList<double> Thresholds { get; } = [.. Enumerable.Range(0, 10).Select(k => (50 + 5 * k) / 100.0)];

    /// <summary>score_t of one image for every threshold of <see cref="Thresholds"/>.</summary>
    public static double[] PerThreshold(ContingencyTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var ious = new double[table.Overlaps.Count];
        for (int i = 0; i < ious.Length; i++) ious[i] = table.Iou(table.Overlaps[i]);
        var scores = new double[Thresholds.Count];
        for (int k = 0; k < scores.Length; k++)
        {
            double t = Thresholds[k];
            int tp = 0;
            foreach (double iou in ious) if (iou > t) tp++;
            scores[k] = new MatchCounts(tp, table.Prediction.Count - tp, table.Truth.Count - tp, 0).CriticalSuccessIndex;
        }
        return scores;
    }

    /// <summary>The image score: the mean of <see cref="PerThreshold"/>.</summary>
    public static double Image(ContingencyTable table) => PerThreshold(table).Average();
}
