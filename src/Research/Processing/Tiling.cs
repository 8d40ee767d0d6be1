using Research.Imaging;

namespace Research.Processing;

/// <summary>One crop of a tiling: its top-left corner in the source image and its pixels (tile x tile, zero-padded past the edge).</summary>
/// <typeparam name="T">The sample type.</typeparam>
/// <param name="X">Left column in the source.</param>
/// <param name="Y">Top row in the source.</param>
/// <param name="Image">The crop.</param>
public sealed record Tile<T>(int X, int Y, Image<T> Image) where T : unmanaged;

/// <summary>
/// Cuts images into fixed square crops with a stride (512 with stride 400, say) and stitches them back. Along each axis
/// the corners are 0, stride, 2 x stride, ... while a tile still starts inside and does not reach the edge, plus a last
/// one flush with the edge (size - tile), so every pixel is covered; an image smaller than a tile gives one tile at 0,
/// zero-padded.
/// </summary>
public static class Tiling
{
    /// <summary>The tile corners along one side of <paramref name="size"/> pixels.</summary>
    public static IReadOnlyList<int> Corners(int size, int tile, int stride)
    {
        if (tile < 1 || stride < 1) throw new InputException($"Tile size and stride must be positive, got {tile} and {stride}.");
        if (stride > tile) throw new InputException($"A stride of {stride} px larger than the tile ({tile} px) would leave gaps; use a stride at most the tile size.");
        var corners = new List<int>();
        if (size <= tile) return [0];
        for (int c = 0; c + tile < size; c += stride) corners.Add(c);
        corners.Add(size - tile);
        return corners;
    }

    /// <summary>The crops of an image of any sample type, row by row: top-left corner and pixels.</summary>
    public static IReadOnlyList<(int X, int Y, IImage Image)> Cut(IImage image, int tile, int stride) => image switch
    {
        Image<byte> b => [.. Cut(b, tile, stride).Select(t => (t.X, t.Y, (IImage)t.Image))],
        Image<ushort> s => [.. Cut(s, tile, stride).Select(t => (t.X, t.Y, (IImage)t.Image))],
        Image<float> f => [.. Cut(f, tile, stride).Select(t => (t.X, t.Y, (IImage)t.Image))],
        Image<int> n => [.. Cut(n, tile, stride).Select(t => (t.X, t.Y, (IImage)t.Image))],
        _ => throw new ArgumentException($"Unsupported image {image}.", nameof(image)),
    };

    /// <summary>The crops of <paramref name="image"/>, row by row.</summary>
    public static IReadOnlyList<Tile<T>> Cut<T>(Image<T> image, int tile, int stride) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(image);
        var tiles = new List<Tile<T>>();
        int c = image.Channels;
        foreach (int y0 in Corners(image.Height, tile, stride))
        {
            foreach (int x0 in Corners(image.Width, tile, stride))
            {
                var crop = new Image<T>(tile, tile, c);
                int w = Math.Min(tile, image.Width - x0), h = Math.Min(tile, image.Height - y0);
                for (int y = 0; y < h; y++) image.Row(y0 + y).Slice(x0 * c, w * c).CopyTo(crop.Row(y));
                tiles.Add(new Tile<T>(x0, y0, crop));
            }
        }
        return tiles;
    }

    /// <summary>Stitches float tiles into a <paramref name="width"/> x <paramref name="height"/> image, averaging overlaps.</summary>
    public static Image<float> StitchAverage(IReadOnlyList<Tile<float>> tiles, int width, int height)
    {
        int c = tiles[0].Image.Channels;
        var sum = new double[width * height * c];
        var count = new int[width * height];
        foreach (var t in tiles)
        {
            ForEachCovered(t, width, height, (x, y, tx, ty) =>
            {
                count[y * width + x]++;
                for (int k = 0; k < c; k++) sum[(y * width + x) * c + k] += t.Image.Data[(ty * t.Image.Width + tx) * c + k];
            });
        }
        var result = new float[sum.Length];
        for (int i = 0; i < result.Length; i++) result[i] = count[i / c] == 0 ? 0f : (float)(sum[i] / count[i / c]);
        return new Image<float>(width, height, c, result);
    }

    /// <summary>
    /// Stitches label (or any exact) tiles: each pixel takes its value from the covering tile in which it lies farthest from
    /// the tile's border, so no values are mixed; for tiles cut from one image the result is that image exactly.
    /// </summary>
    public static Image<T> StitchExact<T>(IReadOnlyList<Tile<T>> tiles, int width, int height) where T : unmanaged
    {
        int c = tiles[0].Image.Channels;
        var result = new Image<T>(width, height, c);
        var depth = new int[width * height];
        Array.Fill(depth, -1);
        foreach (var t in tiles)
        {
            int tw = t.Image.Width, th = t.Image.Height;
            ForEachCovered(t, width, height, (x, y, tx, ty) =>
            {
                int d = Math.Min(Math.Min(tx, tw - 1 - tx), Math.Min(ty, th - 1 - ty));
                if (d <= depth[y * width + x]) return;
                depth[y * width + x] = d;
                for (int k = 0; k < c; k++) result.Data[(y * width + x) * c + k] = t.Image.Data[(ty * tw + tx) * c + k];
            });
        }
        return result;
    }

    private static void ForEachCovered<T>(Tile<T> t, int width, int height, Action<int, int, int, int> visit) where T : unmanaged
    {
        int h = Math.Min(t.Image.Height, height - t.Y), w = Math.Min(t.Image.Width, width - t.X);
        for (int ty = 0; ty < h; ty++)
        {
            for (int tx = 0; tx < w; tx++) visit(t.X + tx, t.Y + ty, tx, ty);
        }
    }
}
