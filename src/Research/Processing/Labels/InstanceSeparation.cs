namespace Research.Processing.Labels;

/// <summary>Settings of <see cref="InstanceSeparation"/>.</summary>
public sealed record InstanceSeparationOptions
{
    /// <summary>Foreground where the probability is above this (for K classes: 1 - P(background)). <value>The default value is 0.5.</value></summary>
    public double Threshold { get; init; } = 0.5;

    /// <summary>Foreground regions (and, for 3-class maps, objects after separation) smaller than this many pixels are removed. <value>The default value is 16.</value></summary>
    public int MinObjectArea { get; init; } = 16;

    /// <summary>Holes smaller than this many pixels are filled. <value>The default value is 32.</value></summary>
    public int MaxHoleArea { get; init; } = 32;

    /// <summary>One-plane maps: half-width of the window in which a distance peak must be the maximum. <value>The default value is 4.</value></summary>
    public int PeakRadius { get; init; } = 4;

    /// <summary>One-plane maps: peaks with a smaller distance to the background (pixels) do not seed objects. <value>The default value is 2.</value></summary>
    public double MinPeakDistance { get; init; } = 2;

    /// <summary>3-class maps: foreground pixels whose interior probability is above this seed objects. <value>The default value is 0.5.</value></summary>
    public double InteriorThreshold { get; init; } = 0.5;

    /// <summary>3-class maps: interior regions smaller than this many pixels seed no object of their own. <value>The default value is 4.</value></summary>
    public int MinMarkerArea { get; init; } = 4;

    /// <summary>Throws an <see cref="InputException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        if (!(Threshold is > 0 and < 1)) throw new InputException($"The foreground threshold must be in (0, 1), got {Threshold}.");
        if (!(InteriorThreshold is > 0 and < 1)) throw new InputException($"The interior threshold must be in (0, 1), got {InteriorThreshold}.");
        if (MinObjectArea < 0) throw new InputException($"The minimum object area must be 0 or more pixels, got {MinObjectArea}.");
        if (MaxHoleArea < 0) throw new InputException($"The largest hole to fill must be 0 or more pixels, got {MaxHoleArea}.");
        if (PeakRadius < 1) throw new InputException($"The peak radius must be at least 1 pixel, got {PeakRadius}.");
        if (MinMarkerArea < 1) throw new InputException($"The minimum marker area must be at least 1 pixel, got {MinMarkerArea}.");
    }
}

/// <summary>
/// Probability maps to instance labels (1..N, 0 = background). Both strategies threshold the foreground, remove small
/// regions, fill small holes, flood markers with a marker-controlled <see cref="Watershed"/> inside the foreground, and
/// give every foreground region that received no marker one label of its own:
/// <list type="bullet">
/// <item>one plane (a one-logit model): markers are the peaks of the Euclidean distance to the background
/// (<see cref="PeakMarkers"/>), flooded on the negated distance;</item>
/// <item>three planes (background, interior, boundary; <see cref="TargetClass"/>): markers are the 4-connected regions
/// where the interior probability is above <see cref="InstanceSeparationOptions.InteriorThreshold"/> (at least
/// <see cref="InstanceSeparationOptions.MinMarkerArea"/> pixels), flooded on 1 - P(interior), so predicted boundaries
/// separate touching objects and a large object is never split by the shape of its outline; fragments smaller than
/// <see cref="InstanceSeparationOptions.MinObjectArea"/> are removed and the labels renumbered.</item>
/// </list>
/// </summary>
public static class InstanceSeparation
{
    /// <summary>Labels from a model's probability maps: one plane or the three classes of <see cref="TargetClass"/>.</summary>
    public static int[] Run(ProbabilityMaps maps, InstanceSeparationOptions options)
    {
        ArgumentNullException.ThrowIfNull(maps);
        ArgumentNullException.ThrowIfNull(options);
        return maps.Classes switch
        {
            1 => Run(maps.Plane(0), maps.Width, maps.Height, options),
            3 => FromInterior(maps, options),
            _ => throw new ArgumentException($"Instance separation needs one plane (foreground) or three (background, interior, boundary), got {maps.Classes}.", nameof(maps)),
        };
    }

    /// <summary>Labels from a foreground probability map by distance-transform peaks (the one-plane strategy).</summary>
    public static int[] Run(ReadOnlySpan<float> probability, int width, int height, InstanceSeparationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var mask = Foreground(probability, width, height, options);
        var distance = DistanceTransform.ToBackground(mask, width, height);
        for (int i = 0; i < distance.Length; i++) if (double.IsInfinity(distance[i])) distance[i] = width + height;
        var (markers, count) = PeakMarkers.Find(distance, width, height, options.PeakRadius, options.MinPeakDistance);
        var elevation = new double[distance.Length];
        for (int i = 0; i < elevation.Length; i++) elevation[i] = -distance[i];
        var labels = Watershed.Flood(elevation, markers, mask, width, height);
        LabelUnmarkedRegions(labels, mask, width, height, count);
        return labels;
    }

    private static int[] FromInterior(ProbabilityMaps maps, InstanceSeparationOptions options)
    {
        int width = maps.Width, height = maps.Height;
        var mask = Foreground(maps.Foreground(), width, height, options);
        var interior = maps.Plane((int)TargetClass.Interior);
        var seeds = new bool[mask.Length];
        for (int i = 0; i < seeds.Length; i++) seeds[i] = mask[i] && interior[i] > options.InteriorThreshold;
        ConnectedRegions.RemoveSmallObjects(seeds, width, height, options.MinMarkerArea);
        var (markers, count) = ConnectedRegions.Label(seeds, width, height);
        var elevation = new double[mask.Length];
        for (int i = 0; i < elevation.Length; i++) elevation[i] = 1.0 - interior[i];
        var labels = Watershed.Flood(elevation, markers, mask, width, height);
        count = LabelUnmarkedRegions(labels, mask, width, height, count);
        return RemoveSmallLabels(labels, count, options.MinObjectArea);
    }

    private static bool[] Foreground(ReadOnlySpan<float> probability, int width, int height, InstanceSeparationOptions options)
    {
        if (probability.Length != width * height) throw new ArgumentException($"Expected {width * height} probabilities, got {probability.Length}.");
        var mask = new bool[probability.Length];
        for (int i = 0; i < mask.Length; i++) mask[i] = probability[i] > options.Threshold;
        ConnectedRegions.RemoveSmallObjects(mask, width, height, options.MinObjectArea);
        ConnectedRegions.FillSmallHoles(mask, width, height, options.MaxHoleArea);
        return mask;
    }

    /// <summary>Gives each foreground region without any flooded pixel a new label; returns the new label count.</summary>
    private static int LabelUnmarkedRegions(int[] labels, bool[] mask, int width, int height, int count)
    {
        var (regions, regionCount) = ConnectedRegions.Label(mask, width, height);
        var extra = new int[regionCount + 1];
        for (int i = 0; i < labels.Length; i++)
        {
            if (!mask[i] || labels[i] != 0) continue;
            int r = regions[i];
            if (extra[r] == 0) extra[r] = ++count;
            labels[i] = extra[r];
        }
        return count;
    }

    /// <summary>Sets labels with fewer than <paramref name="minArea"/> pixels to 0 and renumbers the rest 1, 2, ... in label order.</summary>
    private static int[] RemoveSmallLabels(int[] labels, int count, int minArea)
    {
        var area = new int[count + 1];
        foreach (int l in labels) area[l]++;
        var renumber = new int[count + 1];
        int next = 0;
        for (int l = 1; l <= count; l++) if (area[l] >= minArea) renumber[l] = ++next;
        for (int i = 0; i < labels.Length; i++) labels[i] = renumber[labels[i]];
        return labels;
    }
}
