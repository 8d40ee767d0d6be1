using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace Research.Cli;

/// <summary>One cell of a <see cref="TableOutput"/>.</summary>
/// <param name="Value">The value in <c>--json</c> (a string, number, boolean, array or record; null for JSON null).</param>
/// <param name="Text">The text in a table or a tab-separated line (default: <paramref name="Value"/>, formatted with the invariant culture).</param>
/// <param name="Markup">Spectre markup for the terminal (default: <paramref name="Text"/>, escaped).</param>
public readonly record struct Cell(object? Value, string? Text = null, string? Markup = null)
{
    /// <summary>A text cell.</summary>
    public static implicit operator Cell(string? text) => new(text);

    /// <summary>A text cell (the named alternative of the implicit conversion).</summary>
    public static Cell FromString(string? text) => new(text);

    /// <summary>The plain text of the cell.</summary>
    public string Plain => Text ?? Value switch
    {
        null => "",
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IEnumerable items => string.Join(", ", items.Cast<object?>().Select(i => new Cell(i).Plain)),
        var other => other.ToString() ?? "",
    };
}

/// <summary>
/// A table a verb prints, for people and for programs. On a terminal: a Spectre table, as before. When standard output
/// is not a terminal: tab-separated lines, a header of column names first, nothing wrapped or cut, no box characters
/// (tabs and line breaks inside a cell become spaces), so <c>grep</c>, <c>cut -f</c> and CSV readers get whole values.
/// With <c>--json</c> (<see cref="JsonOption"/>): a JSON array of one object per row, keyed by the column names in
/// snake_case, with each cell's <see cref="Cell.Value"/>. A footer (counts, where things were looked for) goes under the
/// table on a terminal and to standard error otherwise, so standard output holds only the table.
/// <code>
/// var table = new TableOutput("id", "images");
/// table.Add("dsb2018", new Cell(670));
/// table.Write(context, parse.GetValue(TableOutput.JsonOption), footer: "1 dataset");
/// </code>
/// </summary>
public sealed class TableOutput
{
    private readonly string[] _columns;
    private readonly HashSet<int> _right = [];
    private readonly List<Cell[]> _rows = [];

    /// <summary>The <c>--json</c> option: add it to a verb that prints a table (one instance per command).</summary>
    public static Option<bool> JsonOption => new("--json") { Description = "Print JSON (an array of objects, one per row) instead of the table." };

    /// <summary>A table with these columns.</summary>
    public TableOutput(params string[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _columns = columns;
    }

    /// <summary>The number of rows.</summary>
    public int Count => _rows.Count;

    /// <summary>Right-aligns a column on the terminal (numbers).</summary>
    public TableOutput AlignRight(string column)
    {
        int index = Array.IndexOf(_columns, column);
        if (index < 0) throw new ArgumentException($"no column '{column}'", nameof(column));
        _right.Add(index);
        return this;
    }

    /// <summary>Adds a row, one cell per column.</summary>
    public TableOutput Add(params Cell[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != _columns.Length) throw new ArgumentException($"{cells.Length} cells for {_columns.Length} columns", nameof(cells));
        _rows.Add(cells);
        return this;
    }

    /// <summary>Prints the table as the context asks: JSON, a Spectre table (terminal), or tab-separated lines.</summary>
    public void Write(CliContext context, bool json, string? footer = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        TextWriter raw = context.Console.Profile.Out.Writer;
        if (json) raw.WriteLine(ToJson());
        else if (context.Interactive) context.Console.Write(ToSpectre());
        else raw.Write(ToTsv());
        if (footer is null) return;
        if (context.Interactive && !json) context.Console.WriteLine(footer);
        else context.Error.WriteLine(footer);
    }

    /// <summary>The rows as tab-separated lines with a header.</summary>
    public string ToTsv()
    {
        var text = new StringBuilder();
        text.Append(string.Join('\t', _columns.Select(Clean))).Append('\n');
        foreach (var row in _rows) text.Append(string.Join('\t', row.Select(c => Clean(c.Plain)))).Append('\n');
        return text.ToString();
    }

    /// <summary>The rows as a JSON array of objects keyed by the snake_case column names.</summary>
    public string ToJson()
    {
        var array = new JsonArray();
        foreach (var row in _rows)
        {
            var item = new JsonObject();
            for (int i = 0; i < _columns.Length; i++) item[Key(_columns[i])] = JsonSerializer.SerializeToNode(row[i].Value, Research.IO.Json.Options);
            array.Add(item);
        }
        return array.ToJsonString(Research.IO.Json.Options);
    }

    /// <summary>The JSON key of a column name: lower case, runs of other characters than letters and digits become one underscore.</summary>
    public static string Key(string column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var key = new StringBuilder();
        foreach (char c in column.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c)) key.Append(c);
            else if (key.Length > 0 && key[^1] != '_') key.Append('_');
        }
        return key.ToString().TrimEnd('_');
    }

    private Table ToSpectre()
    {
        var table = new Table();
        for (int i = 0; i < _columns.Length; i++)
        {
            var column = new TableColumn(Markup.Escape(_columns[i]));
            if (_right.Contains(i)) column.RightAligned();
            table.AddColumn(column);
        }
        foreach (var row in _rows) table.AddRow(row.Select(c => c.Markup ?? Markup.Escape(c.Plain)).ToArray());
        return table;
    }

    private static string Clean(string text) => text.Replace('\t', ' ').Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ');
}
