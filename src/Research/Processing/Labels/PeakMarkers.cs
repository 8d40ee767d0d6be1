namespace Research.Processing.Labels;

/// <summary>Markers for watershed from the peaks of a map (usually the distance transform of a foreground mask).</summary>
public static class PeakMarkers
{
    /// <summary>
    /// A pixel is a peak when its value is at least <paramref name="minValue"/> and equals the maximum of the
    /// (2 * <paramref name="radius"/> + 1)-pixel square window around it; 8-connected groups of peaks (plateaus) become
    /// one marker each, numbered 1, 2, ... in raster order.
    /// </summary>
    public static (int[] Markers, int Count) Find(ReadOnlySpan<double> values, int width, int height, int radius, double minValue)
    {
        var peak = new bool[values.Length];
        var rowMax = new double[values.Length];
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                double m = double.NegativeInfinity;
                for (int xx = Math.Max(0, x - radius); xx <= Math.Min(width - 1, x + radius); xx++) m = Math.Max(m, values[y * width + xx]);
                rowMax[y * width + x] = m;
            }
        }
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                double m = double.NegativeInfinity;
                for (int yy = Math.Max(0, y - radius); yy <= Math.Min(height - 1, y + radius); yy++) m = Math.Max(m, rowMax[yy * width + x]);
                int i = y * width + x;
                peak[i] = values[i] >= minValue && values[i] >= m;
            }
        }
        return ConnectedRegions.Label(peak, width, height, Connectivity.Eight);
    }
}
