using Research.Datasets.Layouts;
using Research.Datasets.Manifests;
using Research.Imaging;
using Research.Imaging.Codecs;
using Research.Imaging.Drawing;

namespace Research.Datasheets;

/// <summary>
/// A grid of example images with their instance outlines drawn: the first readable annotated images of each modality
/// group in turn (round-robin over groups, ids in order), each shrunk to at most 256 pixels a side by nearest neighbour
/// (image and labels alike) before the outlines are drawn, so outlines stay closed at any size.
/// </summary>
public static class ExampleGrid
{
    /// <summary>Longest side of a tile.</summary>
    public const int TileSize = 256;

    /// <summary>The ids of up to <paramref name="count"/> examples, spread over the modality groups.</summary>
    public static IReadOnlyList<ImageRow> Pick(Composition composition, int count)
    {
        ArgumentNullException.ThrowIfNull(composition);
        var queues = composition.Rows.Where(r => r.Readable && r.Objects > 0).GroupBy(r => r.Group).OrderBy(g => g.Key)
            .Select(g => new Queue<ImageRow>(g)).ToList();
        var picked = new List<ImageRow>();
        while (picked.Count < count && queues.Any(q => q.Count > 0))
        {
            foreach (var queue in queues.Where(q => q.Count > 0))
            {
                if (picked.Count < count) picked.Add(queue.Dequeue());
            }
        }
        return picked;
    }

    /// <summary>The grid as PNG bytes, or null when there is nothing to show; samples are listed again through the layout reader.</summary>
    public static byte[]? Png(DatasetManifest manifest, Composition composition, int count, LayoutReaders readers)
    {
        ArgumentNullException.ThrowIfNull(composition);
        ArgumentNullException.ThrowIfNull(readers);
        var picked = Pick(composition, count);
        if (picked.Count == 0) return null;
        var tiles = new List<Image<byte>>();
        foreach (var split in composition.Splits)
        {
            var wanted = picked.Where(r => r.Split == split.Name).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
            if (wanted.Count == 0) continue;
            string folder = Path.GetFullPath(Path.Combine(composition.Root, split.Folder));
            foreach (DatasetSample sample in readers.Scan(manifest, folder).Samples.Where(s => wanted.Contains(s.Id)))
            {
                try { tiles.Add(Tile(sample.Image, sample.Instances)); }
                catch (InputException) { /* unreadable: already listed among the problems */ }
            }
        }
        if (tiles.Count == 0) return null;
        using var stream = new MemoryStream();
        ImageFile.Write(stream, ImageFormat.Png, Montage.Grid(tiles, 3, gap: 6));
        return stream.ToArray();
    }

    /// <summary>One grid tile: the image as RGB, shrunk by an integer step to at most <see cref="TileSize"/> a side, with the outlines of <paramref name="labels"/>.</summary>
    internal static Image<byte> Tile(IImage image, Image<ushort>? labels)
    {
        Image<byte> rgb = DisplayImage.ToRgb8(image);
        if (labels is not null && (labels.Width != rgb.Width || labels.Height != rgb.Height)) labels = null;
        int step = (Math.Max(rgb.Width, rgb.Height) + TileSize - 1) / TileSize;
        if (step > 1)
        {
            rgb = Subsample(rgb, step);
            if (labels is not null) labels = Subsample(labels, step);
        }
        if (labels is not null) LabelOutlines.Draw(rgb, labels);
        return rgb;
    }

    private static Image<T> Subsample<T>(Image<T> image, int step) where T : unmanaged
    {
        int c = image.Channels;
        var small = new Image<T>(image.Width / step, image.Height / step, c);
        for (int y = 0; y < small.Height; y++)
        {
            for (int x = 0; x < small.Width; x++)
            {
                for (int k = 0; k < c; k++) small.Data[(y * small.Width + x) * c + k] = image.Data[(y * step * image.Width + x * step) * c + k];
            }
        }
        return small;
    }
}
