namespace Research.Processing.Labels;

/// <summary>Clean-up of binary masks by connected regions (labelling itself is <see cref="ConnectedComponents"/>).</summary>
public static class ConnectedRegions
{
    /// <summary>
    /// Numbers the connected regions of <paramref name="mask"/> 1, 2, ... in raster order of their first pixel
    /// (0 where the mask is false). Returns the labels and the number of regions.
    /// </summary>
    public static (int[] Labels, int Count) Label(ReadOnlySpan<bool> mask, int width, int height, Connectivity connectivity = Connectivity.Four)
    {
        int[] labels = ConnectedComponents.Label(mask, width, height, connectivity, out int count);
        return (labels, count);
    }

    /// <summary>Sets to false every 4-connected region of the mask smaller than <paramref name="minArea"/> pixels.</summary>
    public static void RemoveSmallObjects(Span<bool> mask, int width, int height, int minArea)
    {
        var (labels, count) = Label(mask, width, height);
        var area = new int[count + 1];
        foreach (int l in labels) area[l]++;
        for (int i = 0; i < mask.Length; i++) if (labels[i] != 0 && area[labels[i]] < minArea) mask[i] = false;
    }

    /// <summary>Fills every hole (4-connected background region not touching the image border) smaller than <paramref name="maxArea"/> pixels.</summary>
    public static void FillSmallHoles(Span<bool> mask, int width, int height, int maxArea)
    {
        var background = new bool[mask.Length];
        for (int i = 0; i < mask.Length; i++) background[i] = !mask[i];
        var (labels, count) = Label(background, width, height);
        var area = new int[count + 1];
        var touchesBorder = new bool[count + 1];
        for (int i = 0; i < labels.Length; i++)
        {
            int l = labels[i];
            if (l == 0) continue;
            area[l]++;
            int x = i % width, y = i / width;
            if (x == 0 || y == 0 || x == width - 1 || y == height - 1) touchesBorder[l] = true;
        }
        for (int i = 0; i < mask.Length; i++)
        {
            int l = labels[i];
            if (l != 0 && !touchesBorder[l] && area[l] < maxArea) mask[i] = true;
        }
    }
}
