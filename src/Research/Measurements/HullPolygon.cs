namespace Research.Measurements;

/// <summary>A point with integer coordinates (the measurements use doubled pixel coordinates, so half pixels are integers).</summary>
/// <param name="X">Column coordinate.</param>
/// <param name="Y">Row coordinate.</param>
public readonly record struct GridPoint(long X, long Y);

/// <summary>
/// The convex hull of integer points by Andrew's monotone chain, exact (integer cross products): vertices in
/// counter-clockwise order (positive signed area), without repeated or collinear points. The same polygon as
/// Qhull's, which scikit-image uses, since a convex hull is unique.
/// </summary>
public static class HullPolygon
{
    /// <summary>The hull of <paramref name="points"/> (a list that is sorted in place); fewer than three distinct points give them back.</summary>
    public static List<GridPoint> Of(List<GridPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        points.Sort(static (p, q) => p.X != q.X ? p.X.CompareTo(q.X) : p.Y.CompareTo(q.Y));
        int n = points.Count;
        if (n < 3) return [.. points.Distinct()];
        var hull = new GridPoint[2 * n];
        int k = 0;
        for (int i = 0; i < n; i++)
        {
            while (k >= 2 && Cross(hull[k - 2], hull[k - 1], points[i]) <= 0) k--;
            hull[k++] = points[i];
        }
        for (int i = n - 2, lower = k + 1; i >= 0; i--)
        {
            while (k >= lower && Cross(hull[k - 2], hull[k - 1], points[i]) <= 0) k--;
            hull[k++] = points[i];
        }
        return [.. hull.AsSpan(0, k - 1)];
    }

    /// <summary>(a − o) × (b − o): positive when o → a → b turns counter-clockwise.</summary>
    public static long Cross(GridPoint o, GridPoint a, GridPoint b) => (a.X - o.X) * (b.Y - o.Y) - (a.Y - o.Y) * (b.X - o.X);

    /// <summary>The largest squared distance between two of <paramref name="vertices"/>.</summary>
    public static long MaxSquaredDistance(IReadOnlyList<GridPoint> vertices)
    {
        ArgumentNullException.ThrowIfNull(vertices);
        long best = 0;
        for (int i = 0; i < vertices.Count; i++)
        {
            for (int j = i + 1; j < vertices.Count; j++)
            {
                long dx = vertices[i].X - vertices[j].X, dy = vertices[i].Y - vertices[j].Y;
                best = Math.Max(best, dx * dx + dy * dy);
            }
        }
        return best;
    }
}
