namespace Research.Processing;

/// <summary>
/// Exact Euclidean distance transform (Felzenszwalb and Huttenlocher 2012: a lower envelope of parabolas per
/// column, then per row), O(pixels).
/// </summary>
public static class DistanceTransform
{
    /// <summary>
    /// For every pixel, the squared Euclidean distance (between pixel centres) to the nearest pixel where
    /// <paramref name="sites"/> is true; <see cref="double.PositiveInfinity"/> everywhere when there is no site.
    /// </summary>
    public static double[] SquaredToNearest(ReadOnlySpan<bool> sites, int width, int height)
    {
        if (sites.Length != (long)width * height) throw new ArgumentException($"{sites.Length} values for a {width}x{height} image.", nameof(sites));
        var d = new double[sites.Length];
        bool any = false;
        for (int i = 0; i < d.Length; i++)
        {
            d[i] = sites[i] ? 0 : double.PositiveInfinity;
            any |= sites[i];
        }
        if (!any) return d;
        int n = Math.Max(width, height);
        var f = new double[n];
        var output = new double[n];
        var v = new int[n];
        var z = new double[n + 1];
        for (int x = 0; x < width; x++)
        {
            for (int y = 0; y < height; y++) f[y] = d[y * width + x];
            Envelope(f, height, output, v, z);
            for (int y = 0; y < height; y++) d[y * width + x] = output[y];
        }
        for (int y = 0; y < height; y++)
        {
            Array.Copy(d, y * width, f, 0, width);
            Envelope(f, width, output, v, z);
            Array.Copy(output, 0, d, y * width, width);
        }
        return d;
    }

    /// <summary>1-D squared distance: output[q] = min over p of (q - p)^2 + f[p].</summary>
    private static void Envelope(double[] f, int n, double[] output, int[] v, double[] z)
    {
        int k = -1;
        for (int q = 0; q < n; q++)
        {
            if (double.IsPositiveInfinity(f[q])) continue;
            while (k >= 0)
            {
                double s = ((f[q] + (double)q * q) - (f[v[k]] + (double)v[k] * v[k])) / (2.0 * (q - v[k]));
                if (s <= z[k]) { k--; continue; }
                k++;
                v[k] = q;
                z[k] = s;
                z[k + 1] = double.PositiveInfinity;
                break;
            }
            if (k < 0)
            {
                k = 0;
                v[0] = q;
                z[0] = double.NegativeInfinity;
                z[1] = double.PositiveInfinity;
            }
        }
        if (k < 0)
        {
            Array.Fill(output, double.PositiveInfinity, 0, n);
            return;
        }
        int j = 0;
        for (int q = 0; q < n; q++)
        {
            while (z[j + 1] < q) j++;
            double dq = q - v[j];
            output[q] = dq * dq + f[v[j]];
        }
    }
}
