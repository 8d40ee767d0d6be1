using System.Text;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Formatting;
using Research.Imaging;
using Research.Notebooks.Display;

namespace Research.Notebooks.Runner;

/// <summary>
/// Collects one cell's outputs as nbformat 4 output objects, in the order they happen: console text (merged into
/// stream outputs), <c>display(...)</c> calls, the cell's value and an error. Thread-safe: a cell may write from tasks.
/// </summary>
public sealed class CellOutputs
{
    private readonly Lock _gate = new();
    private JsonArray _outputs = [];

    /// <summary>Creates the collector with console writers for stdout and stderr.</summary>
    public CellOutputs()
    {
        Out = new StreamWriter(this, "stdout");
        Error = new StreamWriter(this, "stderr");
    }

    /// <summary>Console.Out while a cell runs.</summary>
    public TextWriter Out { get; }

    /// <summary>Console.Error while a cell runs.</summary>
    public TextWriter Error { get; }

    /// <summary>Starts a new cell; returns the previous cell's outputs.</summary>
    public JsonArray Take()
    {
        lock (_gate)
        {
            var done = _outputs;
            _outputs = [];
            return done;
        }
    }

    /// <summary>Adds a display_data output for <paramref name="value"/>.</summary>
    public void Display(object? value) => Add(new JsonObject
    {
        ["output_type"] = "display_data", ["data"] = Bundle(value), ["metadata"] = new JsonObject(),
    });

    /// <summary>Adds the cell's value as an execute_result.</summary>
    public void Result(object value, int executionCount) => Add(new JsonObject
    {
        ["output_type"] = "execute_result", ["execution_count"] = executionCount, ["data"] = Bundle(value), ["metadata"] = new JsonObject(),
    });

    /// <summary>Adds an error output.</summary>
    public void Failure(string name, string message, IEnumerable<string> traceback) => Add(new JsonObject
    {
        ["output_type"] = "error", ["ename"] = name, ["evalue"] = message, ["traceback"] = new JsonArray([.. traceback.Select(t => (JsonNode?)t)]),
    });

    /// <summary>
    /// The MIME bundle of a value: <c>text/plain</c> always, <c>text/html</c> when its preferred formatter is HTML
    /// (every project type, DataFrames, records), and <c>image/png</c> for images.
    /// </summary>
    public static JsonObject Bundle(object? value)
    {
        NotebookFormatters.Register();
        var data = new JsonObject();
        if (value is null) { data["text/plain"] = "<null>"; return data; }
        if (value is IImage image) data["image/png"] = ImageHtml.PngDataUri(image)["data:image/png;base64,".Length..];
        if (value is not string && Formatter.GetPreferredMimeTypesFor(value.GetType()).Contains(NotebookFormatters.HtmlMime))
        {
            data["text/html"] = value.ToDisplayString(NotebookFormatters.HtmlMime);
        }
        data["text/plain"] = value is string s ? s : value.ToDisplayString("text/plain");
        return data;
    }

    private void Add(JsonObject output)
    {
        lock (_gate) _outputs.Add(output);
    }

    private void Append(string stream, string text)
    {
        if (text.Length == 0) return;
        lock (_gate)
        {
            if (_outputs.Count > 0 && _outputs[^1] is JsonObject last && (string?)last["output_type"] == "stream" && (string?)last["name"] == stream)
            {
                last["text"] = (string?)last["text"] + text;
                return;
            }
            _outputs.Add(new JsonObject { ["output_type"] = "stream", ["name"] = stream, ["text"] = text });
        }
    }

    private sealed class StreamWriter(CellOutputs owner, string stream) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => owner.Append(stream, value.ToString());

        public override void Write(string? value) => owner.Append(stream, value ?? "");

        public override void Write(char[] buffer, int index, int count) => owner.Append(stream, new string(buffer, index, count));
    }
}
