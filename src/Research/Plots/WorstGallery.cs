using Research.Imaging;
using Research.Imaging.Codecs;
using Research.Imaging.Drawing;
using Research.Metrics;

namespace Research.Plots;

/// <summary>
/// A gallery of the worst images (lowest DSB2018 image score; ties by identifier): for each, the true objects'
/// outlines on the left and the predicted objects' outlines on the right, each object in its own colour, on a
/// dark background showing the foreground of the other side in grey (so misses and extras stand out).
/// </summary>
public static class WorstGallery
{
    /// <summary>The identifiers of the <paramref name="count"/> worst images.</summary>
    public static IReadOnlyList<string> Pick(IReadOnlyList<ImageMetrics> images, int count) =>
        [.. images.OrderBy(m => m.Dsb2018).ThenBy(m => m.Id, StringComparer.Ordinal).Take(count).Select(m => m.Id)];

    /// <summary>One tile: truth | prediction, side by side with a 4 px gap.</summary>
    public static Image<byte> Tile(LabelPair pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        var left = Panel(pair.Truth, pair.Prediction);
        var right = Panel(pair.Prediction, pair.Truth);
        return Montage.Grid([left, right], 2, gap: 4, background: 255);
    }

    /// <summary>The gallery as PNG bytes (tiles in <paramref name="pairs"/> order, two tiles per row).</summary>
    public static byte[] Png(IReadOnlyList<LabelPair> pairs)
    {
        var grid = Montage.Grid([.. pairs.Select(Tile)], 2, gap: 12);
        using var stream = new MemoryStream();
        ImageFile.Write(stream, ImageFormat.Png, grid);
        return stream.ToArray();
    }

    private static Image<byte> Panel(LabelImage outlined, LabelImage shaded)
    {
        var rgb = new Image<byte>(outlined.Width, outlined.Height, 3);
        for (int i = 0; i < shaded.Data.Length; i++)
        {
            byte v = shaded.Data[i] > 0 ? (byte)70 : (byte)20;
            rgb.Data[3 * i] = rgb.Data[3 * i + 1] = rgb.Data[3 * i + 2] = v;
        }
        var labels = new Image<ushort>(outlined.Width, outlined.Height, 1,
            [.. outlined.Data.Select(v => (ushort)(v == 0 ? 0 : 1 + (v - 1) % 65535))]);
        LabelOutlines.Draw(rgb, labels);
        return rgb;
    }
}
