using System.Globalization;
using Research.Imaging;
using Research.Metrics;

namespace Research.Torch.Sam;

/// <summary>
/// Instance labels and SAM prompts: the box prompts of every object of a label image (ground truth or another model's
/// prediction), and the 16-bit instance label image of a set of SAM masks, so SAM is evaluated with <c>research
/// evaluate</c> like every other model.
/// </summary>
public static class SamLabels
{
    /// <summary>
    /// One box per object, in ascending label order, in the prompt convention of pixel edges: (min x, min y, max x + 1,
    /// max y + 1), the box that exactly covers the object's pixels.
    /// </summary>
    /// <exception cref="InputException">The label image holds no object.</exception>
    public static IReadOnlyList<(int Label, float[] Box)> Boxes(LabelImage labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var boxes = new SortedDictionary<int, int[]>();
        for (int i = 0; i < labels.Data.Length; i++)
        {
            int label = labels.Data[i];
            if (label == 0) continue;
            int x = i % labels.Width, y = i / labels.Width;
            if (!boxes.TryGetValue(label, out var b)) boxes[label] = b = [x, y, x, y];
            b[0] = Math.Min(b[0], x);
            b[1] = Math.Min(b[1], y);
            b[2] = Math.Max(b[2], x);
            b[3] = Math.Max(b[3], y);
        }
        if (boxes.Count == 0) throw new InputException($"{labels.Name}: holds no object (every pixel is 0), so it gives no box prompts");
        return [.. boxes.Select(kv => (kv.Key, new float[] { kv.Value[0], kv.Value[1], kv.Value[2] + 1, kv.Value[3] + 1 }))];
    }

    /// <summary>
    /// The masks as one 16-bit instance label image: mask k gets label k + 1; where masks overlap the pixel goes to the
    /// mask of higher predicted IoU (the earlier one on ties). Empty masks leave no label.
    /// </summary>
    public static Image<ushort> Combine(IReadOnlyList<bool[]> masks, IReadOnlyList<double> ious, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(masks);
        ArgumentNullException.ThrowIfNull(ious);
        if (masks.Count != ious.Count) throw new ArgumentException($"{masks.Count} masks but {ious.Count} IoU predictions");
        if (masks.Count > ushort.MaxValue) throw new InputException(string.Create(CultureInfo.InvariantCulture, $"{masks.Count} prompts do not fit a 16-bit label image (at most {ushort.MaxValue})"));
        var result = new Image<ushort>(width, height);
        // paint the lowest IoU first so that higher ones overwrite it; a stable sort keeps the earlier mask on ties
        foreach (int k in Enumerable.Range(0, masks.Count).OrderBy(k => ious[k]).ThenByDescending(k => k))
        {
            var mask = masks[k];
            if (mask.Length != width * height) throw new ArgumentException($"mask {k} has {mask.Length} pixels, not {width} x {height}");
            for (int i = 0; i < mask.Length; i++)
                if (mask[i]) result.Data[i] = (ushort)(k + 1);
        }
        return result;
    }
}
