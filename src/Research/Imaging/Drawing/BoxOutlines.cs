namespace Research.Imaging.Drawing;

/// <summary>Rectangles (prompt boxes) drawn onto an RGB image, to show what a box-prompted model was asked.</summary>
public static class BoxOutlines
{
    /// <summary>
    /// Draws each box (x0, y0, x1, y1 in pixel edges, as prompts are given) as a one-pixel outline in
    /// <see cref="LabelOutlines.Colour"/> of its 1-based position, so box k and label k + 1 share a colour; the parts
    /// outside the image are left out.
    /// </summary>
    public static void Draw(Image<byte> rgb, IReadOnlyList<float[]> boxes)
    {
        ArgumentNullException.ThrowIfNull(rgb);
        ArgumentNullException.ThrowIfNull(boxes);
        if (rgb.Channels != 3) throw new ArgumentException($"draw on an RGB image; this one has {rgb.Channels} channels", nameof(rgb));
        for (int k = 0; k < boxes.Count; k++)
        {
            var b = boxes[k];
            var (r, g, bl) = LabelOutlines.Colour(k + 1);
            int x0 = (int)Math.Floor(b[0]), y0 = (int)Math.Floor(b[1]), x1 = (int)Math.Ceiling(b[2]) - 1, y1 = (int)Math.Ceiling(b[3]) - 1;
            void Set(int x, int y)
            {
                if (x < 0 || y < 0 || x >= rgb.Width || y >= rgb.Height) return;
                int i = (y * rgb.Width + x) * 3;
                rgb.Data[i] = r;
                rgb.Data[i + 1] = g;
                rgb.Data[i + 2] = bl;
            }
            for (int x = x0; x <= x1; x++) { Set(x, y0); Set(x, y1); }
            for (int y = y0; y <= y1; y++) { Set(x0, y); Set(x1, y); }
        }
    }
}
