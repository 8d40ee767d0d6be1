using Research.Imaging;
using Research.Imaging.Drawing;
using Research.Metrics;

namespace Research.Measurements;

/// <summary>
/// Picking objects by a property (the most extreme first) and showing them: a crop of the image around the object's
/// bounding box with its boundary pixels drawn in yellow, enlarged for viewing.
/// </summary>
public static class ObjectCrops
{
    /// <summary>The <paramref name="count"/> objects with the smallest (or, with <paramref name="largest"/>, largest) finite <paramref name="value"/>.</summary>
    public static IReadOnlyList<(ImageMeasurement Image, RegionProperties Object)> Extremes(IReadOnlyList<ImageMeasurement> images,
        Func<RegionProperties, double> value, int count, bool largest = false)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(value);
        var all = images.SelectMany(i => i.Objects.Select(o => (Image: i, Object: o))).Where(p => double.IsFinite(value(p.Object)));
        var ordered = largest ? all.OrderByDescending(p => value(p.Object)) : all.OrderBy(p => value(p.Object));
        return [.. ordered.Take(count)];
    }

    /// <summary>
    /// An RGB crop of <paramref name="image"/> around <paramref name="o"/> (its box plus <paramref name="margin"/>
    /// pixels, clipped to the image) with the object's boundary in yellow, each pixel drawn <paramref name="scale"/> x
    /// <paramref name="scale"/>.
    /// </summary>
    public static Image<byte> Crop(IImage image, LabelImage labels, RegionProperties o, int margin = 4, int scale = 4)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(o);
        Image<byte> rgb = DisplayImage.ToRgb8(image);
        int r0 = Math.Max(0, o.BboxMinRow - margin), c0 = Math.Max(0, o.BboxMinCol - margin);
        int r1 = Math.Min(labels.Height, o.BboxMaxRow + margin), c1 = Math.Min(labels.Width, o.BboxMaxCol + margin);
        int w = c1 - c0, h = r1 - r0;
        var crop = new Image<byte>(w * scale, h * scale, 3);
        for (int r = 0; r < h; r++)
        {
            for (int c = 0; c < w; c++)
            {
                int y = r0 + r, x = c0 + c;
                bool boundary = IsBoundary(labels, o.Label, x, y);
                for (int ch = 0; ch < 3; ch++)
                {
                    byte v = boundary ? (ch == 2 ? (byte)0 : (byte)255) : rgb[x, y, ch];
                    for (int dy = 0; dy < scale; dy++)
                    {
                        for (int dx = 0; dx < scale; dx++) crop[c * scale + dx, r * scale + dy, ch] = v;
                    }
                }
            }
        }
        return crop;
    }

    private static bool IsBoundary(LabelImage labels, int label, int x, int y)
    {
        int w = labels.Width, h = labels.Height, i = y * w + x;
        if (labels.Data[i] != label) return false;
        return x == 0 || y == 0 || x == w - 1 || y == h - 1 || labels.Data[i - 1] != label || labels.Data[i + 1] != label || labels.Data[i - w] != label || labels.Data[i + w] != label;
    }
}
