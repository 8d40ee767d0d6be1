namespace Research.Measurements;

/// <summary>
/// scikit-image 0.19's <c>feret_diameter_max</c>: the largest distance between two points of the 0.5-level contours
/// (<c>find_contours</c>) of the convex image. On a binary image those contour points are the midpoints between an
/// inside and an outside pixel; the convex image's rows and columns are intervals, so the candidates are the ends of
/// each row and column, and the farthest pair lies on their convex hull.
/// </summary>
public static class FeretDiameter
{
    /// <summary>The maximum Feret diameter (pixels) of the object whose convex image is <paramref name="convex"/>.</summary>
    public static double Of(ConvexImage convex)
    {
        ArgumentNullException.ThrowIfNull(convex);
        int rows = convex.First.Length;
        int cols = 0;
        for (int r = 0; r < rows; r++) cols = Math.Max(cols, convex.Last[r] + 1);
        var top = new int[cols];
        var bottom = new int[cols];
        Array.Fill(top, int.MaxValue);
        Array.Fill(bottom, -1);
        var points = new List<GridPoint>(4 * (rows + cols));
        for (int r = 0; r < rows; r++)
        {
            int first = convex.First[r], last = convex.Last[r];
            if (first > last) continue;
            points.Add(new GridPoint(2L * first - 1, 2L * r));
            points.Add(new GridPoint(2L * last + 1, 2L * r));
            for (int c = first; c <= last; c++)
            {
                if (r < top[c]) top[c] = r;
                bottom[c] = r;
            }
        }
        for (int c = 0; c < cols; c++)
        {
            if (bottom[c] < 0) continue;
            points.Add(new GridPoint(2L * c, 2L * top[c] - 1));
            points.Add(new GridPoint(2L * c, 2L * bottom[c] + 1));
        }
        long d2 = HullPolygon.MaxSquaredDistance(HullPolygon.Of(points));
        return Math.Sqrt(d2 / 4.0);
    }
}
