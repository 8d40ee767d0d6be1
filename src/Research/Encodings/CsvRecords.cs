using System.Text;

namespace Research.Encodings;

/// <summary>
/// Reads RFC 4180 CSV records from a <see cref="TextReader"/> one at a time: comma-separated fields, fields in
/// double quotes may hold commas, line breaks and doubled quotes (<c>""</c>); LF and CRLF line ends; blank lines
/// are skipped. Each record carries the 1-based line number on which it starts.
/// </summary>
public static class CsvRecords
{
    /// <summary>The records of <paramref name="reader"/>; <paramref name="name"/> names the source in errors.</summary>
    public static IEnumerable<(int Line, IReadOnlyList<string> Fields)> Read(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        int lineNumber = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            int start = lineNumber;
            if (line.Length == 0) continue;
            var fields = new List<string>();
            var field = new StringBuilder();
            int i = 0;
            bool quoted = false, wasQuoted = false;
            while (true)
            {
                if (i == line.Length)
                {
                    if (!quoted) break;
                    line = reader.ReadLine() ?? throw new InputException($"{name} line {start}: a quoted field is not closed before the end of the file.");
                    lineNumber++;
                    field.Append('\n');
                    i = 0;
                    continue;
                }
                char c = line[i++];
                if (quoted)
                {
                    if (c != '"') field.Append(c);
                    else if (i < line.Length && line[i] == '"') { field.Append('"'); i++; }
                    else quoted = false;
                }
                else if (c == ',') { fields.Add(field.ToString()); field.Clear(); wasQuoted = false; }
                else if (c == '"' && field.Length == 0 && !wasQuoted) { quoted = true; wasQuoted = true; }
                else if (wasQuoted) throw new InputException($"{name} line {lineNumber}: text after a closing quote in field {fields.Count + 1}; quote the whole field and double inner quotes.");
                else field.Append(c);
            }
            fields.Add(field.ToString());
            yield return (start, fields);
        }
    }

    /// <summary>A field quoted when it holds a comma, a quote or a line break (RFC 4180), as is otherwise.</summary>
    public static string Quote(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
