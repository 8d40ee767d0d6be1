using Research.Imaging;

namespace Research.Encodings;

/// <summary>
/// Turns RLE CSV rows into one label image per ImageId, in the order ImageIds first appear. Rows of one image
/// need not be adjacent. The image size comes from the rows' Height/Width (which must agree) or else from
/// <c>sizeOf</c>. Objects that overlap are an error naming both rows.
/// </summary>
public static class RleDecoder
{
    /// <summary>Largest number of objects one 16-bit label image holds.</summary>
    public const int MaxObjects = ushort.MaxValue;

    /// <summary>
    /// Decodes <paramref name="rows"/> (read once, then grouped); <paramref name="sizeOf"/> gives (width, height) for
    /// an ImageId whose rows carry no size, or null when unknown; <paramref name="name"/> names the CSV in errors.
    /// Images are decoded lazily, one at a time.
    /// </summary>
    public static IEnumerable<RleDecodedImage> Decode(IEnumerable<RleCsvRow> rows, Func<string, (int Width, int Height)?> sizeOf, string name) =>
        Group(rows).Select(g => DecodeImage(g.Key, g.Value, sizeOf, name));

    /// <summary>The rows of each ImageId, in the order ImageIds first appear (reads <paramref name="rows"/> once).</summary>
    public static IReadOnlyList<KeyValuePair<string, IReadOnlyList<RleCsvRow>>> Group(IEnumerable<RleCsvRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var groups = new Dictionary<string, List<RleCsvRow>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var row in rows)
        {
            if (!groups.TryGetValue(row.ImageId, out var list))
            {
                groups[row.ImageId] = list = [];
                order.Add(row.ImageId);
            }
            list.Add(row);
        }
        return order.Select(id => new KeyValuePair<string, IReadOnlyList<RleCsvRow>>(id, groups[id])).ToList();
    }

    /// <summary>Decodes the rows of one image into a label image of <paramref name="width"/> x <paramref name="height"/>.</summary>
    public static RleDecodedImage DecodeImage(string imageId, IReadOnlyList<RleCsvRow> rows, int width, int height, string name)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var labels = new Image<ushort>(width, height);
        var owner = new Dictionary<ushort, int>();
        int count = 0;
        foreach (var row in rows)
        {
            if (row.IsEmpty) continue;
            string where = $"{name} line {row.Line} (ImageId {imageId})";
            if (count == MaxObjects) throw new InputException($"{where}: more than {MaxObjects} objects in one image; a 16-bit label image cannot hold them.");
            var runs = KaggleRle.Parse(row.EncodedPixels, width, height, where);
            ushort label = (ushort)++count;
            owner[label] = row.Line;
            int overlaps = KaggleRle.Paint(runs, labels, label, out ushort other);
            if (overlaps > 0) throw new InputException($"{where}: the object overlaps {overlaps} pixel(s) of earlier objects (the first on line {owner[other]}); objects of one image must not overlap.");
        }
        return new RleDecodedImage(imageId, labels, count);
    }

    /// <summary>Decodes the rows of one image, its size from the rows' Height/Width or else from <paramref name="sizeOf"/>.</summary>
    public static RleDecodedImage DecodeImage(string id, IReadOnlyList<RleCsvRow> rows, Func<string, (int Width, int Height)?> sizeOf, string name)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(sizeOf);
        var sized = rows.Where(r => r.Height is not null).ToList();
        var first = sized.FirstOrDefault();
        foreach (var row in sized)
        {
            if (row.Height != first!.Height || row.Width != first.Width)
            {
                throw new InputException($"{name} line {row.Line} (ImageId {id}): size {row.Width}x{row.Height} differs from {first.Width}x{first.Height} on line {first.Line}.");
            }
        }
        var size = first is not null ? (first.Width!.Value, first.Height!.Value) : sizeOf(id)
            ?? throw new InputException($"{name}: no size for ImageId {id} (line {rows[0].Line}): the CSV has no Height/Width columns and no image for it was found; give --images DIR holding {id}.png or {id}/images/{id}.png.");
        return DecodeImage(id, rows, size.Item1, size.Item2, name);
    }
}
