namespace Research.Imaging.Drawing;

/// <summary>Draws the outlines of labelled objects onto an RGB image, one colour per label.</summary>
public static class LabelOutlines
{
    /// <summary>
    /// Colours, in place, every pixel of <paramref name="rgb"/> that lies on the inner boundary of an object of
    /// <paramref name="labels"/>: a labelled pixel with a 4-neighbour of another value (or on the image border).
    /// </summary>
    public static void Draw(Image<byte> rgb, Image<ushort> labels)
    {
        if (rgb.Channels != 3) throw new ArgumentException($"Expected an RGB image, got {rgb.Channels} channels.", nameof(rgb));
        if (!rgb.SameSize(labels)) throw new ArgumentException($"Image is {rgb.Width}x{rgb.Height}, labels are {labels.Width}x{labels.Height}.", nameof(labels));
        int w = labels.Width, h = labels.Height;
        var l = labels.Data;
        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
            {
                int i = y * w + x;
                ushort v = l[i];
                if (v == 0) continue;
                bool edge = x == 0 || y == 0 || x == w - 1 || y == h - 1
                            || l[i - 1] != v || l[i + 1] != v || l[i - w] != v || l[i + w] != v;
                if (!edge) continue;
                var (r, g, b) = Colour(v);
                rgb.Data[i * 3] = r;
                rgb.Data[i * 3 + 1] = g;
                rgb.Data[i * 3 + 2] = b;
            }
        }
    }

    /// <summary>A bright, well-separated colour for a label (hues spaced by the golden angle).</summary>
    public static (byte R, byte G, byte B) Colour(int label)
    {
        double hue = (label * 137.508) % 360 / 60.0;
        double x = 1 - Math.Abs(hue % 2 - 1);
        (double r, double g, double b) = (int)hue switch
        {
            0 => (1.0, x, 0.0),
            1 => (x, 1.0, 0.0),
            2 => (0.0, 1.0, x),
            3 => (0.0, x, 1.0),
            4 => (x, 0.0, 1.0),
            _ => (1.0, 0.0, x),
        };
        return ((byte)(55 + 200 * r), (byte)(55 + 200 * g), (byte)(55 + 200 * b));
    }
}
