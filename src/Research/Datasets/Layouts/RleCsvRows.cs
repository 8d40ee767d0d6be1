using System.Globalization;

namespace Research.Datasets.Layouts;

/// <summary>One object row of a Kaggle RLE CSV.</summary>
/// <param name="Encoded">EncodedPixels (empty for an image without object).</param>
/// <param name="Height">Height column, when present.</param>
/// <param name="Width">Width column, when present.</param>
/// <param name="Where"><c>file:line</c>, for messages.</param>
public sealed record RleCsvRow(string Encoded, int? Height, int? Width, string Where);

/// <summary>Reads a Kaggle RLE CSV (<c>ImageId,EncodedPixels[,Height,Width,...]</c>) grouped by ImageId in first-appearance order.</summary>
public static class RleCsvRows
{
    /// <summary>The rows of <paramref name="path"/> by image id; a missing column or a bad number names the file and line.</summary>
    public static IReadOnlyList<(string Id, List<RleCsvRow> Rows)> Read(string path)
    {
        using var reader = new StreamReader(path);
        string header = reader.ReadLine() ?? throw new InputException($"{path}: the CSV file is empty.");
        string[] columns = header.Split(',');
        int id = Array.IndexOf(columns, "ImageId"), enc = Array.IndexOf(columns, "EncodedPixels");
        int height = Array.IndexOf(columns, "Height"), width = Array.IndexOf(columns, "Width");
        if (id < 0 || enc < 0) throw new InputException($"{path}:1: the header must name ImageId and EncodedPixels columns; found '{header}'.");
        var order = new List<(string, List<RleCsvRow>)>();
        var byId = new Dictionary<string, List<RleCsvRow>>(StringComparer.Ordinal);
        int number = 1;
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            number++;
            if (line.Length == 0) continue;
            string[] f = line.Split(',');
            if (f.Length != columns.Length) throw new InputException($"{path}:{number}: expected {columns.Length} fields, found {f.Length}.");
            string where = $"{path}:{number}";
            var row = new RleCsvRow(f[enc].Trim(), Number(f, height, where, "Height"), Number(f, width, where, "Width"), where);
            if (!byId.TryGetValue(f[id], out var list))
            {
                byId[f[id]] = list = [];
                order.Add((f[id], list));
            }
            list.Add(row);
        }
        return order;
    }

    private static int? Number(string[] fields, int column, string where, string name)
    {
        if (column < 0) return null;
        return int.TryParse(fields[column], NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) && v > 0 ? v
            : throw new InputException($"{where}: {name} '{fields[column]}' is not a positive integer.");
    }
}
