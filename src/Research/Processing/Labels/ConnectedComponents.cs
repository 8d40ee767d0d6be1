namespace Research.Processing.Labels;

/// <summary>Connected-component labelling of a binary mask (foreground = value &gt; 0), two passes with union-find.</summary>
public static class ConnectedComponents
{
    /// <summary>
    /// Labels the connected components of the foreground of <paramref name="mask"/> (value &gt; 0) with 1, 2, ...
    /// in raster order of each component's first pixel. Background stays 0.
    /// </summary>
    public static int[] Label(ReadOnlySpan<int> mask, int width, int height, Connectivity connectivity = Connectivity.Four)
    {
        var foreground = new bool[mask.Length];
        for (int i = 0; i < mask.Length; i++) foreground[i] = mask[i] > 0;
        return Label(foreground, width, height, connectivity, out _);
    }

    /// <summary>
    /// Labels the connected components of the true pixels of <paramref name="mask"/> with 1, 2, ... in raster order of
    /// each component's first pixel; <paramref name="count"/> receives the number of components.
    /// </summary>
    public static int[] Label(ReadOnlySpan<bool> mask, int width, int height, Connectivity connectivity, out int count)
    {
        if (mask.Length != (long)width * height) throw new ArgumentException($"Mask holds {mask.Length} values for a {width}x{height} image.", nameof(mask));
        var labels = new int[mask.Length];
        var parent = new List<int> { 0 };
        bool eight = connectivity == Connectivity.Eight;
        for (int y = 0; y < height; y++)
        {
            int row = y * width;
            for (int x = 0; x < width; x++)
            {
                int i = row + x;
                if (!mask[i]) continue;
                int found = 0;
                if (x > 0 && labels[i - 1] != 0) found = Join(parent, found, labels[i - 1]);
                if (y > 0)
                {
                    if (labels[i - width] != 0) found = Join(parent, found, labels[i - width]);
                    if (eight && x > 0 && labels[i - width - 1] != 0) found = Join(parent, found, labels[i - width - 1]);
                    if (eight && x < width - 1 && labels[i - width + 1] != 0) found = Join(parent, found, labels[i - width + 1]);
                }
                if (found == 0)
                {
                    found = parent.Count;
                    parent.Add(found);
                }
                labels[i] = found;
            }
        }
        var final = new int[parent.Count];
        int next = 0;
        for (int k = 1; k < parent.Count; k++)
        {
            int root = Find(parent, k);
            if (final[root] == 0) final[root] = ++next;
            final[k] = final[root];
        }
        for (int i = 0; i < labels.Length; i++) labels[i] = final[labels[i]];
        count = next;
        return labels;
    }

    private static int Join(List<int> parent, int current, int other)
    {
        int b = Find(parent, other);
        if (current == 0) return b;
        int a = Find(parent, current);
        if (a == b) return a;
        int low = Math.Min(a, b), high = Math.Max(a, b);
        parent[high] = low;
        return low;
    }

    private static int Find(List<int> parent, int k)
    {
        while (parent[k] != k)
        {
            parent[k] = parent[parent[k]];
            k = parent[k];
        }
        return k;
    }
}
