namespace Research.Metrics;

/// <summary>
/// One-to-one matching of true and predicted objects with IoU &gt; tau (strict). For tau &gt;= 0.5 a pair with
/// IoU &gt; tau is the only candidate of both its objects (two objects of one image are disjoint, so an object can
/// overlap more than half of at most one other), and the matching is every such pair. For tau &lt; 0.5 the
/// matching is greedy by IoU: candidate pairs in decreasing IoU (ties: lower true index, then lower predicted
/// index) are taken when both objects are still free. Greedy is not always the maximum matching (StarDist solves
/// an assignment problem there); it is documented, deterministic and equal to it whenever no object has two
/// candidates.
/// </summary>
public static class InstanceMatching
{
    /// <summary>The matched pairs at <paramref name="tau"/> as (overlap, IoU).</summary>
    public static IReadOnlyList<(Overlap Overlap, double Iou)> Pairs(ContingencyTable table, double tau)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (!(tau >= 0 && tau < 1)) throw new ArgumentOutOfRangeException(nameof(tau), tau, "The IoU threshold must be in [0, 1).");
        var candidates = new List<(Overlap Overlap, double Iou)>();
        foreach (var o in table.Overlaps)
        {
            double iou = table.Iou(o);
            if (iou > tau) candidates.Add((o, iou));
        }
        if (tau >= 0.5) return candidates;
        candidates.Sort((a, b) => b.Iou != a.Iou ? b.Iou.CompareTo(a.Iou)
            : a.Overlap.True != b.Overlap.True ? a.Overlap.True.CompareTo(b.Overlap.True)
            : a.Overlap.Predicted.CompareTo(b.Overlap.Predicted));
        var trueUsed = new bool[table.Truth.Count];
        var predictedUsed = new bool[table.Prediction.Count];
        var chosen = new List<(Overlap, double)>();
        foreach (var c in candidates)
        {
            if (trueUsed[c.Overlap.True] || predictedUsed[c.Overlap.Predicted]) continue;
            trueUsed[c.Overlap.True] = predictedUsed[c.Overlap.Predicted] = true;
            chosen.Add(c);
        }
        return chosen;
    }

    /// <summary>The counts of the matching at <paramref name="tau"/> for one image.</summary>
    public static MatchCounts Count(ContingencyTable table, double tau)
    {
        var pairs = Pairs(table, tau);
        double sum = 0;
        foreach (var p in pairs) sum += p.Iou;
        int tp = pairs.Count;
        return new MatchCounts(tp, table.Prediction.Count - tp, table.Truth.Count - tp, sum);
    }
}
