namespace Research.Processing.Labels;

/// <summary>
/// Exact Euclidean distance transforms (Felzenszwalb and Huttenlocher 2012, "Distance Transforms of Sampled
/// Functions"): a 1-D lower envelope of parabolas along every column, then along every row; O(pixels).
/// Pixels are unit squares on a square grid; distances are between pixel centres.
/// </summary>
public static class DistanceTransform
{
    private const double Far = 1e20;

    /// <summary>
    /// Squared Euclidean distance from every pixel to the nearest pixel where <paramref name="sites"/> is true
    /// (0 at sites). With no site at all every value is <see cref="double.PositiveInfinity"/>.
    /// </summary>
    public static double[] SquaredToNearest(ReadOnlySpan<bool> sites, int width, int height)
    {
        if (sites.Length != width * height) throw new ArgumentException($"Expected {width * height} pixels, got {sites.Length}.", nameof(sites));
        var grid = new double[sites.Length];
        for (int i = 0; i < grid.Length; i++) grid[i] = sites[i] ? 0 : Far;
        int n = Math.Max(width, height);
        var f = new double[n];
        var d = new double[n];
        var v = new int[n];
        var z = new double[n + 1];
        for (int x = 0; x < width; x++)
        {
            for (int y = 0; y < height; y++) f[y] = grid[y * width + x];
            Envelope(f, d, height, v, z);
            for (int y = 0; y < height; y++) grid[y * width + x] = d[y];
        }
        for (int y = 0; y < height; y++)
        {
            var row = grid.AsSpan(y * width, width);
            row.CopyTo(f);
            Envelope(f, d, width, v, z);
            d.AsSpan(0, width).CopyTo(row);
        }
        for (int i = 0; i < grid.Length; i++) if (grid[i] >= Far / 2) grid[i] = double.PositiveInfinity;
        return grid;
    }

    /// <summary>
    /// The distance of every foreground pixel to the nearest background pixel (0 on the background), as
    /// <c>scipy.ndimage.distance_transform_edt(foreground)</c>. With no background pixel every foreground value
    /// is <see cref="double.PositiveInfinity"/>.
    /// </summary>
    public static double[] ToBackground(ReadOnlySpan<bool> foreground, int width, int height)
    {
        var background = new bool[foreground.Length];
        for (int i = 0; i < background.Length; i++) background[i] = !foreground[i];
        var squared = SquaredToNearest(background, width, height);
        for (int i = 0; i < squared.Length; i++) squared[i] = Math.Sqrt(squared[i]);
        return squared;
    }

    /// <summary>1-D squared distance transform of a sampled function <paramref name="f"/> (lower envelope of parabolas).</summary>
    private static void Envelope(double[] f, double[] d, int n, int[] v, double[] z)
    {
        int k = 0;
        v[0] = 0;
        z[0] = double.NegativeInfinity;
        z[1] = double.PositiveInfinity;
        for (int q = 1; q < n; q++)
        {
            double s = Intersection(f, q, v[k]);
            while (s <= z[k])
            {
                k--;
                s = Intersection(f, q, v[k]);
            }
            k++;
            v[k] = q;
            z[k] = s;
            z[k + 1] = double.PositiveInfinity;
        }
        k = 0;
        for (int q = 0; q < n; q++)
        {
            while (z[k + 1] < q) k++;
            double dq = q - v[k];
            d[q] = dq * dq + f[v[k]];
        }
    }

    private static double Intersection(double[] f, int q, int p) =>
        ((f[q] + (double)q * q) - (f[p] + (double)p * p)) / (2.0 * q - 2.0 * p);
}
