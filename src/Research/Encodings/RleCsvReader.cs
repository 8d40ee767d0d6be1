using System.Globalization;

namespace Research.Encodings;

/// <summary>
/// Streams the rows of a Kaggle RLE CSV file. The header must name <c>ImageId</c> and <c>EncodedPixels</c>
/// (any case, any position); <c>Height</c> and <c>Width</c> are read when present; other columns are ignored.
/// </summary>
public static class RleCsvReader
{
    /// <summary>The rows of the file at <paramref name="path"/>, read lazily.</summary>
    public static IEnumerable<RleCsvRow> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new InputException($"{path}: file not found; give the RLE CSV file with --csv.");
        return ReadFile(path);
    }

    /// <summary>The rows read from <paramref name="reader"/>; <paramref name="name"/> names the source in errors.</summary>
    public static IEnumerable<RleCsvRow> Read(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        Columns? columns = null;
        foreach (var (line, fields) in CsvRecords.Read(reader, name))
        {
            if (columns is null)
            {
                columns = Columns.FromHeader(fields, name);
                continue;
            }
            if (fields.Count != columns.Count)
            {
                throw new InputException($"{name} line {line}: {fields.Count} fields but the header has {columns.Count}; check for unquoted commas.");
            }
            string id = fields[columns.ImageId].Trim();
            if (id.Length == 0) throw new InputException($"{name} line {line}: ImageId is empty.");
            yield return new RleCsvRow(line, id, fields[columns.EncodedPixels].Trim(),
                Size(fields, columns.Height, name, line, "Height"), Size(fields, columns.Width, name, line, "Width"));
        }
        if (columns is null) throw new InputException($"{name}: the file is empty; an RLE CSV starts with the header 'ImageId,EncodedPixels'.");
    }

    private static IEnumerable<RleCsvRow> ReadFile(string path)
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        foreach (var row in Read(reader, path)) yield return row;
    }

    private static int? Size(IReadOnlyList<string> fields, int column, string name, int line, string what)
    {
        if (column < 0) return null;
        string text = fields[column].Trim();
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < 1)
        {
            throw new InputException($"{name} line {line}: {what} '{text}' is not a positive whole number.");
        }
        return value;
    }

    private sealed record Columns(int Count, int ImageId, int EncodedPixels, int Height, int Width)
    {
        public static Columns FromHeader(IReadOnlyList<string> header, string name)
        {
            int Find(string column)
            {
                for (int i = 0; i < header.Count; i++)
                {
                    if (string.Equals(header[i].Trim(), column, StringComparison.OrdinalIgnoreCase)) return i;
                }
                return -1;
            }
            int id = Find("ImageId"), pixels = Find("EncodedPixels"), height = Find("Height"), width = Find("Width");
            if (id < 0 || pixels < 0)
            {
                throw new InputException($"{name} line 1: the header '{string.Join(',', header)}' lacks {(id < 0 ? "ImageId" : "EncodedPixels")}; an RLE CSV starts with 'ImageId,EncodedPixels' (optionally Height,Width).");
            }
            if ((height < 0) != (width < 0)) throw new InputException($"{name} line 1: the header has {(height < 0 ? "Width but no Height" : "Height but no Width")}; give both or neither.");
            return new Columns(header.Count, id, pixels, height, width);
        }
    }
}
