namespace Research.Imaging.Drawing;

/// <summary>Arranges RGB images in a grid (previews, galleries).</summary>
public static class Montage
{
    /// <summary>
    /// Places <paramref name="tiles"/> (8-bit RGB) row by row in <paramref name="columns"/> columns, separated by
    /// <paramref name="gap"/> pixels of <paramref name="background"/>; cells are as large as the largest tile.
    /// </summary>
    public static Image<byte> Grid(IReadOnlyList<Image<byte>> tiles, int columns, int gap = 4, byte background = 255)
    {
        if (tiles.Count == 0) throw new ArgumentException("A montage needs at least one image.", nameof(tiles));
        if (columns < 1) throw new ArgumentOutOfRangeException(nameof(columns), columns, "Columns must be at least 1.");
        if (tiles.Any(t => t.Channels != 3)) throw new ArgumentException("Montage tiles must be RGB.", nameof(tiles));
        columns = Math.Min(columns, tiles.Count);
        int rows = (tiles.Count + columns - 1) / columns;
        int cellW = tiles.Max(t => t.Width), cellH = tiles.Max(t => t.Height);
        var grid = new Image<byte>(columns * cellW + (columns + 1) * gap, rows * cellH + (rows + 1) * gap, 3);
        grid.Span.Fill(background);
        for (int t = 0; t < tiles.Count; t++)
        {
            int left = gap + (t % columns) * (cellW + gap), top = gap + (t / columns) * (cellH + gap);
            var tile = tiles[t];
            for (int y = 0; y < tile.Height; y++)
            {
                tile.Row(y).CopyTo(grid.Row(top + y).Slice(left * 3));
            }
        }
        return grid;
    }
}
