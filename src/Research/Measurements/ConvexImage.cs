namespace Research.Measurements;

/// <summary>
/// scikit-image 0.19's <c>convex_hull_image</c> of one object, held as one column interval per bounding-box row: each
/// pixel (r, c) stands for the four points (r ± ½, c) and (r, c ± ½); the hull of those points (of each row's first
/// and last pixel, which is enough) is rasterised by taking the pixel centres inside it or on its edge, as
/// <c>grid_points_in_poly</c> does. Everything is computed in doubled integer coordinates, so it is exact.
/// </summary>
public sealed class ConvexImage
{
    private ConvexImage(int[] first, int[] last, List<GridPoint> hull, long area)
    {
        First = first;
        Last = last;
        Hull = hull;
        Area = area;
    }

    /// <summary>First column of the hull image in each bounding-box row (box coordinates).</summary>
    public int[] First { get; }

    /// <summary>Last column (inclusive) of the hull image in each bounding-box row.</summary>
    public int[] Last { get; }

    /// <summary>The hull polygon in doubled box coordinates (X = 2 x column, Y = 2 x row), counter-clockwise.</summary>
    public List<GridPoint> Hull { get; }

    /// <summary>Pixels of the hull image (scikit-image's <c>convex_area</c>).</summary>
    public long Area { get; }

    /// <summary>The convex image of the object in <paramref name="mask"/>.</summary>
    public static ConvexImage Of(ObjectMask mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        var points = new List<GridPoint>(8 * mask.Rows);
        for (int r = 0; r < mask.Rows; r++)
        {
            int lo = -1, hi = -1;
            for (int c = 0; c < mask.Cols; c++)
            {
                if (!mask[r, c]) continue;
                if (lo < 0) lo = c;
                hi = c;
            }
            if (lo < 0) continue;
            Diamond(points, r, lo);
            if (hi != lo) Diamond(points, r, hi);
        }
        List<GridPoint> hull = HullPolygon.Of(points);
        var first = new int[mask.Rows];
        var last = new int[mask.Rows];
        long area = 0;
        for (int r = 0; r < mask.Rows; r++)
        {
            (first[r], last[r]) = RowSpan(hull, 2L * r, mask.Cols);
            area += Math.Max(0, last[r] - first[r] + 1);
        }
        return new ConvexImage(first, last, hull, area);
    }

    private static void Diamond(List<GridPoint> points, int r, int c)
    {
        points.Add(new GridPoint(2L * c - 1, 2L * r));
        points.Add(new GridPoint(2L * c + 1, 2L * r));
        points.Add(new GridPoint(2L * c, 2L * r - 1));
        points.Add(new GridPoint(2L * c, 2L * r + 1));
    }

    /// <summary>
    /// The columns c (0..cols−1) whose centre (2c, y) lies in the closed counter-clockwise polygon: every edge a → b
    /// needs dy x ≤ k = dx (y − ay) + dy ax: x ≤ k / dy when dy &gt; 0, x ≥ k / dy (c ≥ −floor(k / 2|dy|)) when dy &lt; 0,
    /// and k ≥ 0 for a horizontal edge.
    /// </summary>
    private static (int First, int Last) RowSpan(List<GridPoint> hull, long y, int cols)
    {
        long lo = 0, hi = cols - 1;
        for (int i = 0; i < hull.Count; i++)
        {
            GridPoint a = hull[i], b = hull[(i + 1) % hull.Count];
            long dx = b.X - a.X, dy = b.Y - a.Y;
            long k = dx * (y - a.Y) + dy * a.X;
            if (dy > 0) hi = Math.Min(hi, FloorDiv(k, 2 * dy));
            else if (dy < 0) lo = Math.Max(lo, -FloorDiv(k, -2 * dy));
            else if (k < 0) return (0, -1);
        }
        return ((int)lo, (int)Math.Max(hi, lo - 1));
    }

    private static long FloorDiv(long a, long b)
    {
        long q = a / b;
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
    }
}
