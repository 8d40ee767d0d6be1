using System.Text.Json.Nodes;

namespace Research.Notebooks.Runner;

/// <summary>
/// Collects one cell's outputs as nbformat 4 output objects, in the order the kernel reports them: console text
/// (merged into stream outputs), displayed values (updated in place when the kernel updates them), the cell's value
/// and an error. Thread-safe: the kernel reports events from its own threads.
/// </summary>
public sealed class CellOutputs
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, JsonObject> _displays = new(StringComparer.Ordinal);
    private JsonArray _outputs = [];

    /// <summary>The execution count given to the cell's value (execute_result).</summary>
    public int ExecutionCount { get; set; }

    /// <summary>Starts a new cell; returns the previous cell's outputs.</summary>
    public JsonArray Take()
    {
        lock (_gate)
        {
            var done = _outputs;
            _outputs = [];
            _displays.Clear();
            return done;
        }
    }

    /// <summary>Appends console text to the last output when it is the same stream, else adds a stream output.</summary>
    public void Stream(string name, string text)
    {
        if (string.IsNullOrEmpty(text)) return;
        lock (_gate)
        {
            if (_outputs.Count > 0 && _outputs[^1] is JsonObject last && (string?)last["output_type"] == "stream" && (string?)last["name"] == name)
            {
                last["text"] = (string?)last["text"] + text;
                return;
            }
            _outputs.Add(new JsonObject { ["output_type"] = "stream", ["name"] = name, ["text"] = text });
        }
    }

    /// <summary>Adds a display_data output; <paramref name="id"/> names it for later updates.</summary>
    public void Display(string? id, IReadOnlyList<(string Mime, string Value)> data)
    {
        var output = new JsonObject { ["output_type"] = "display_data", ["data"] = Bundle(data), ["metadata"] = new JsonObject() };
        lock (_gate)
        {
            _outputs.Add(output);
            if (id is not null) _displays[id] = output;
        }
    }

    /// <summary>Replaces the data of the display named <paramref name="id"/> (adds a display when it is not in this cell).</summary>
    public void Update(string? id, IReadOnlyList<(string Mime, string Value)> data)
    {
        lock (_gate)
        {
            if (id is not null && _displays.TryGetValue(id, out var output)) { output["data"] = Bundle(data); return; }
        }
        Display(id, data);
    }

    /// <summary>Adds the cell's value as an execute_result.</summary>
    public void Result(IReadOnlyList<(string Mime, string Value)> data) => Add(new JsonObject
    {
        ["output_type"] = "execute_result", ["execution_count"] = ExecutionCount, ["data"] = Bundle(data), ["metadata"] = new JsonObject(),
    });

    /// <summary>Adds an error output: the exception's type, message and stack, or the kernel's message alone.</summary>
    public void Failure(Exception? exception, string message)
    {
        string name = exception?.GetType().Name ?? "Error";
        string value = exception?.Message ?? message;
        IEnumerable<string> trace = exception is null ? [message] : [$"{name}: {value}", .. (exception.StackTrace ?? "").Split('\n')];
        Add(new JsonObject
        {
            ["output_type"] = "error", ["ename"] = name, ["evalue"] = value, ["traceback"] = new JsonArray([.. trace.Select(t => (JsonNode?)t)]),
        });
    }

    /// <summary>Adds an error output of the runner's own (a time limit).</summary>
    public void Failure(string name, string message) => Add(new JsonObject
    {
        ["output_type"] = "error", ["ename"] = name, ["evalue"] = message, ["traceback"] = new JsonArray((JsonNode?)$"{name}: {message}"),
    });

    private static JsonObject Bundle(IReadOnlyList<(string Mime, string Value)> data)
    {
        var bundle = new JsonObject();
        foreach (var (mime, value) in data) bundle[mime] = value;
        return bundle;
    }

    private void Add(JsonObject output)
    {
        lock (_gate) _outputs.Add(output);
    }
}
