using Research.Imaging;

namespace Research.Datasets.Layouts;

/// <summary>Foreground pixel count and bounding box of a binary mask (<see cref="Pixels"/> 0 means empty; the box is then meaningless).</summary>
public readonly record struct MaskExtent(int Pixels, int MinX, int MinY, int MaxX, int MaxY)
{
    /// <summary>Measures the non-zero pixels of <paramref name="mask"/>, scanning rows with vectorised searches.</summary>
    public static MaskExtent Of(Image<byte> mask)
    {
        int pixels = 0, minX = int.MaxValue, minY = -1, maxX = -1, maxY = -1;
        for (int y = 0; y < mask.Height; y++)
        {
            ReadOnlySpan<byte> row = mask.Row(y);
            int first = row.IndexOfAnyExcept((byte)0);
            if (first < 0) continue;
            int last = row.LastIndexOfAnyExcept((byte)0);
            if (minY < 0) minY = y;
            maxY = y;
            minX = Math.Min(minX, first);
            maxX = Math.Max(maxX, last);
            pixels += (last - first + 1) - row[first..(last + 1)].Count((byte)0);
        }
        return pixels == 0 ? default : new MaskExtent(pixels, minX, minY, maxX, maxY);
    }
}

/// <summary>
/// Combines one-object binary masks into an instance label image, object k (1-based, in the order added) taking
/// label k, and counts the pixels each new mask shares with earlier ones. Work is limited to each mask's bounding
/// box. Overlapping pixels keep the earlier label.
/// </summary>
public sealed class ObjectMaskCanvas
{
    /// <summary>Creates an empty canvas of the image's size.</summary>
    public ObjectMaskCanvas(int width, int height) => Labels = new Image<ushort>(width, height);

    /// <summary>The labels so far.</summary>
    public Image<ushort> Labels { get; }

    /// <summary>Objects added so far.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// Adds <paramref name="mask"/> (same size as the canvas, non-zero = object) as the next label; returns, for each
    /// earlier label it overlaps, the number of shared pixels (empty when none).
    /// </summary>
    public IReadOnlyDictionary<int, int> Add(Image<byte> mask, MaskExtent extent)
    {
        if (mask.Width != Labels.Width || mask.Height != Labels.Height) throw new ArgumentException($"mask {mask.Width}x{mask.Height} differs from canvas {Labels.Width}x{Labels.Height}", nameof(mask));
        if (Count == ushort.MaxValue) throw new InvalidOperationException("more than 65535 objects in one image");
        ushort label = (ushort)++Count;
        var overlaps = new Dictionary<int, int>();
        if (extent.Pixels == 0) return overlaps;
        for (int y = extent.MinY; y <= extent.MaxY; y++)
        {
            ReadOnlySpan<byte> src = mask.Row(y).Slice(extent.MinX, extent.MaxX - extent.MinX + 1);
            Span<ushort> dst = Labels.Row(y).Slice(extent.MinX, src.Length);
            for (int x = 0; x < src.Length; x++)
            {
                if (src[x] == 0) continue;
                if (dst[x] == 0) dst[x] = label;
                else overlaps[dst[x]] = overlaps.GetValueOrDefault(dst[x]) + 1;
            }
        }
        return overlaps;
    }
}
