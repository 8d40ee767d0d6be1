namespace Research.Datasheets;

/// <summary>
/// Dataset-wide counts kept in memory bounded by bit depth: a histogram per (bit depth, channel name), a 256-bin grey
/// histogram per modality group (16-bit values binned by their high byte), and pixel counts per class value. One per
/// worker thread; merged at the end.
/// </summary>
public sealed class CompositionAccumulator
{
    /// <summary>Histograms per (bit depth, channel name).</summary>
    public Dictionary<(int BitDepth, string Channel), ChannelHistogram> Channels { get; } = [];

    /// <summary>256-bin histograms of the grey value per modality group.</summary>
    public Dictionary<ImageGroup, long[]> GreyByGroup { get; } = [];

    /// <summary>Pixels per class value (0 background; for instance truth every object pixel counts as value 1).</summary>
    public Dictionary<int, long> ClassPixels { get; } = [];

    /// <summary>Images whose truth holds each class value at least once.</summary>
    public Dictionary<int, int> ClassImages { get; } = [];

    /// <summary>The histogram of (bit depth, channel), created on first use.</summary>
    public ChannelHistogram Channel(int bitDepth, string channel)
    {
        if (!Channels.TryGetValue((bitDepth, channel), out ChannelHistogram? h)) Channels[(bitDepth, channel)] = h = new ChannelHistogram(bitDepth);
        return h;
    }

    /// <summary>The grey histogram of <paramref name="group"/>, created on first use.</summary>
    public long[] Grey(ImageGroup group)
    {
        if (!GreyByGroup.TryGetValue(group, out long[]? h)) GreyByGroup[group] = h = new long[256];
        return h;
    }

    /// <summary>Adds one image's class pixel counts (value → pixels).</summary>
    public void AddClasses(IReadOnlyDictionary<int, long> pixels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        foreach (var (value, count) in pixels)
        {
            if (count == 0) continue;
            ClassPixels[value] = ClassPixels.GetValueOrDefault(value) + count;
            ClassImages[value] = ClassImages.GetValueOrDefault(value) + 1;
        }
    }

    /// <summary>Adds everything <paramref name="other"/> counted.</summary>
    public void Add(CompositionAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var ((depth, name), h) in other.Channels) Channel(depth, name).Add(h);
        foreach (var (group, h) in other.GreyByGroup)
        {
            long[] mine = Grey(group);
            for (int i = 0; i < 256; i++) mine[i] += h[i];
        }
        foreach (var (value, count) in other.ClassPixels) ClassPixels[value] = ClassPixels.GetValueOrDefault(value) + count;
        foreach (var (value, count) in other.ClassImages) ClassImages[value] = ClassImages.GetValueOrDefault(value) + count;
    }
}
