namespace Research.Metrics;

/// <summary>
/// Centroid detection as in the Fluorescent Neuronal Cells protocol (Morelli et al. 2021): object centres are
/// bounding-box centres; each prediction, in increasing label order, takes the nearest still unmatched true
/// object whose centre is closer than the radius (Euclidean distance &lt; radius; ties: the lower true label);
/// a prediction that finds none is a false positive, unmatched true objects are false negatives.
/// </summary>
public static class CentroidDetection
{
    /// <summary>The default radius, 50 px.</summary>
    public const double DefaultRadius = 50;

    /// <summary>The detection counts of one image (sum of areas unused: <see cref="MatchCounts.SumMatchedIou"/> = 0).</summary>
    public static MatchCounts Count(ContingencyTable table, double radius = DefaultRadius)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (!(radius > 0)) throw new ArgumentOutOfRangeException(nameof(radius), radius, "The centroid radius must be positive.");
        var truth = table.Truth.Boxes.Select(b => b.Centre).ToArray();
        var taken = new bool[truth.Length];
        double limit = radius * radius;
        int tp = 0;
        foreach (var box in table.Prediction.Boxes)
        {
            var (px, py) = box.Centre;
            int best = -1;
            double bestDistance = double.PositiveInfinity;
            for (int t = 0; t < truth.Length; t++)
            {
                if (taken[t]) continue;
                double dx = truth[t].X - px, dy = truth[t].Y - py, d = dx * dx + dy * dy;
                if (d < limit && d < bestDistance)
                {
                    best = t;
                    bestDistance = d;
                }
            }
            if (best < 0) continue;
            taken[best] = true;
            tp++;
        }
        return new MatchCounts(tp, table.Prediction.Count - tp, table.Truth.Count - tp, 0);
    }
}
