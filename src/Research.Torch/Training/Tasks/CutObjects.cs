namespace Research.Torch.Training.Tasks;

/// <summary>
/// The rule for objects that a training crop cuts: an object keeps its visible part as a training object when at least
/// <c>fraction</c> of its pixels in the whole image (and at least <see cref="MinPixels"/> pixels) remain in the crop
/// after augmentation; otherwise its visible pixels become background and it is counted as dropped. Small slivers at
/// a crop's edge (a box one pixel wide, say) are what this removes; cut objects with most of their area inside stay.
/// Objects of fewer than <see cref="MinPixels"/> pixels are dropped whether cut or not (they are counted with the cut ones).
/// </summary>
public static class CutObjects
{
    /// <summary>The fewest visible pixels a kept object has.</summary>
    public const int MinPixels = 4;

    /// <summary>Pixels per label (index = label) of a label image.</summary>
    public static Dictionary<int, int> Areas(int[] labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var areas = new Dictionary<int, int>();
        foreach (int l in labels)
            if (l != 0) areas[l] = areas.GetValueOrDefault(l) + 1;
        return areas;
    }

    /// <summary>
    /// Applies the rule to <paramref name="cropLabels"/> in place, given the objects' areas in the whole image;
    /// returns (objects kept, objects dropped).
    /// </summary>
    public static (int Kept, int Dropped) Apply(int[] cropLabels, IReadOnlyDictionary<int, int> fullAreas, double fraction)
    {
        ArgumentNullException.ThrowIfNull(cropLabels);
        ArgumentNullException.ThrowIfNull(fullAreas);
        var visible = Areas(cropLabels);
        var drop = new HashSet<int>();
        foreach (var (label, area) in visible)
        {
            int full = fullAreas.TryGetValue(label, out int f) ? f : area;
            if (area < MinPixels || area < fraction * full) drop.Add(label);
        }
        if (drop.Count > 0)
            for (int i = 0; i < cropLabels.Length; i++)
                if (drop.Contains(cropLabels[i])) cropLabels[i] = 0;
        return (visible.Count - drop.Count, drop.Count);
    }
}
