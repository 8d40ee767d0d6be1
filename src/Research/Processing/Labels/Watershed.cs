namespace Research.Processing.Labels;

/// <summary>
/// Marker-controlled watershed by priority flooding (Meyer 1991; the order of scikit-image's
/// <c>segmentation.watershed</c>): every marker pixel enters a priority queue keyed by elevation; the lowest pixel
/// is taken out and gives its label to each unlabelled neighbour inside the mask, which enters the queue in turn.
/// Ties are broken by entry order (first in, first out), so the result is deterministic.
/// </summary>
public static class Watershed
{
    /// <summary>
    /// Floods <paramref name="elevation"/> from <paramref name="markers"/> (0 = no marker) inside <paramref name="mask"/>
    /// (null = everywhere). Returns the labels (0 outside the mask and where no marker reaches).
    /// </summary>
    public static int[] Flood(ReadOnlySpan<double> elevation, ReadOnlySpan<int> markers, ReadOnlySpan<bool> mask, int width, int height,
        Connectivity connectivity = Connectivity.Four)
    {
        int n = width * height;
        if (elevation.Length != n || markers.Length != n || (!mask.IsEmpty && mask.Length != n))
        {
            throw new ArgumentException($"elevation, markers and mask must all have {n} pixels.");
        }
        var labels = new int[n];
        var queue = new PriorityQueue<int, (double Elevation, long Age)>();
        long age = 0;
        for (int i = 0; i < n; i++)
        {
            if (markers[i] == 0 || (!mask.IsEmpty && !mask[i])) continue;
            labels[i] = markers[i];
            queue.Enqueue(i, (elevation[i], age++));
        }
        while (queue.TryDequeue(out int p, out _))
        {
            int px = p % width, py = p / width;
            for (int dy = -1; dy <= 1; dy++)
            {
                for (int dx = -1; dx <= 1; dx++)
                {
                    if ((dx == 0 && dy == 0) || (connectivity == Connectivity.Four && dx != 0 && dy != 0)) continue;
                    int x = px + dx, y = py + dy;
                    if (x < 0 || y < 0 || x >= width || y >= height) continue;
                    int q = y * width + x;
                    if (labels[q] != 0 || (!mask.IsEmpty && !mask[q])) continue;
                    labels[q] = labels[p];
                    queue.Enqueue(q, (elevation[q], age++));
                }
            }
        }
        return labels;
    }
}
