using Research.Processing.Labels;
using Research.Processing;

namespace Research.Metrics;

/// <summary>
/// Boundary metrics of the foreground (label &gt; 0) of a truth/prediction pair, for semantic masks.
/// The boundary of a mask is its inner contour: foreground pixels with a 4-neighbour that is background or
/// outside the image. Distances are Euclidean between pixel centres, from each boundary pixel of one mask to the
/// nearest boundary pixel of the other (exact distance transform).
/// hd95 = max(P95 of truth-to-prediction distances, P95 of prediction-to-truth distances), percentiles with linear
/// interpolation (NumPy's default, MONAI's convention). nsd (normalised surface Dice, Nikolov et al. 2021) =
/// (boundary pixels of either mask within the tolerance of the other's boundary) / (all boundary pixels of both).
/// Both masks empty: hd95 = 0, nsd = 1. Exactly one empty: hd95 = the image diagonal sqrt((W-1)^2 + (H-1)^2)
/// (the largest possible distance), nsd = 0.
/// </summary>
public static class BoundaryMetrics
{
    /// <summary>The default tolerance of the normalised surface Dice, 2 px.</summary>
    public const double DefaultTolerance = 2;

    /// <summary>hd95 and nsd of one pair.</summary>
    public static (double Hd95, double Nsd) Of(LabelImage truth, LabelImage prediction, double tolerance = DefaultTolerance)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(prediction);
        if (truth.Width != prediction.Width || truth.Height != prediction.Height)
        {
            throw new InputException($"{prediction.Name} is {prediction.Width}x{prediction.Height} but {truth.Name} is {truth.Width}x{truth.Height}.");
        }
        int w = truth.Width, h = truth.Height;
        bool[] a = Contour(truth.Data, w, h, out int na), b = Contour(prediction.Data, w, h, out int nb);
        if (na == 0 && nb == 0) return (0, 1);
        if (na == 0 || nb == 0) return (Math.Sqrt((double)(w - 1) * (w - 1) + (double)(h - 1) * (h - 1)), 0);
        double[] toB = DistancesAt(a, DistanceTransform.SquaredToNearest(b, w, h), na);
        double[] toA = DistancesAt(b, DistanceTransform.SquaredToNearest(a, w, h), nb);
        double hd95 = Math.Max(Percentile(toB, 95), Percentile(toA, 95));
        int within = toB.Count(d => d <= tolerance) + toA.Count(d => d <= tolerance);
        return (hd95, (double)within / (na + nb));
    }

    /// <summary>The inner contour of the foreground of <paramref name="labels"/>.</summary>
    public static bool[] Contour(ReadOnlySpan<int> labels, int w, int h, out int count)
    {
        var edge = new bool[labels.Length];
        count = 0;
        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
            {
                int i = y * w + x;
                if (labels[i] <= 0) continue;
                bool border = x == 0 || y == 0 || x == w - 1 || y == h - 1
                              || labels[i - 1] <= 0 || labels[i + 1] <= 0 || labels[i - w] <= 0 || labels[i + w] <= 0;
                if (!border) continue;
                edge[i] = true;
                count++;
            }
        }
        return edge;
    }

    /// <summary>The q-th percentile with linear interpolation between closest ranks (NumPy's default).</summary>
    public static double Percentile(double[] values, double q)
    {
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        double rank = q / 100 * (sorted.Length - 1);
        int low = (int)Math.Floor(rank), high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (rank - low) * (sorted[high] - sorted[low]);
    }

    private static double[] DistancesAt(bool[] points, double[] squared, int count)
    {
        var result = new double[count];
        int k = 0;
        for (int i = 0; i < points.Length; i++) if (points[i]) result[k++] = Math.Sqrt(squared[i]);
        return result;
    }
}
