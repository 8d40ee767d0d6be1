namespace Research.Processing.Labels;

/// <summary>Settings of <see cref="InstanceSeparation"/>.</summary>
public sealed record InstanceSeparationOptions
{
    /// <summary>Foreground where the probability is above this. <value>The default value is 0.5.</value></summary>
    public double Threshold { get; init; } = 0.5;

    /// <summary>Foreground regions smaller than this many pixels are removed. <value>The default value is 16.</value></summary>
    public int MinObjectArea { get; init; } = 16;

    /// <summary>Holes smaller than this many pixels are filled. <value>The default value is 32.</value></summary>
    public int MaxHoleArea { get; init; } = 32;

    /// <summary>Half-width of the window in which a distance peak must be the maximum. <value>The default value is 4.</value></summary>
    public int PeakRadius { get; init; } = 4;

    /// <summary>Peaks with a smaller distance to the background (pixels) do not seed objects. <value>The default value is 2.</value></summary>
    public double MinPeakDistance { get; init; } = 2;
}

/// <summary>
/// Probability map to instance labels: threshold, remove small objects, fill small holes, Euclidean distance
/// transform, peak markers, marker-controlled watershed on the negated distance inside the foreground. Foreground
/// regions that received no marker keep one label of their own.
/// </summary>
public static class InstanceSeparation
{
    /// <summary>Labels of the objects (1..N, 0 = background).</summary>
    public static int[] Run(ReadOnlySpan<float> probability, int width, int height, InstanceSeparationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var mask = new bool[probability.Length];
        for (int i = 0; i < mask.Length; i++) mask[i] = probability[i] > options.Threshold;
        ConnectedRegions.RemoveSmallObjects(mask, width, height, options.MinObjectArea);
        ConnectedRegions.FillSmallHoles(mask, width, height, options.MaxHoleArea);
        var distance = DistanceTransform.ToBackground(mask, width, height);
        for (int i = 0; i < distance.Length; i++) if (double.IsInfinity(distance[i])) distance[i] = width + height;
        var (markers, count) = PeakMarkers.Find(distance, width, height, options.PeakRadius, options.MinPeakDistance);
        var elevation = new double[distance.Length];
        for (int i = 0; i < elevation.Length; i++) elevation[i] = -distance[i];
        var labels = Watershed.Flood(elevation, markers, mask, width, height);
        var (regions, regionCount) = ConnectedRegions.Label(mask, width, height);
        var extra = new int[regionCount + 1];
        for (int i = 0; i < labels.Length; i++)
        {
            if (!mask[i] || labels[i] != 0) continue;
            int r = regions[i];
            if (extra[r] == 0) extra[r] = ++count;
            labels[i] = extra[r];
        }
        return labels;
    }
}
