using System.Text.Json.Nodes;

namespace Research.Plots;

/// <summary>
/// One Plotly trace (a data series of one kind). The library's kinds are <see cref="ScatterTrace"/>,
/// <see cref="BarTrace"/>, <see cref="HistogramTrace"/> and <see cref="BoxTrace"/>; another kind derives from this
/// record and writes its JSON in <see cref="ToJson"/>.
/// </summary>
/// <param name="Name">Legend entry (and the box's category for <see cref="BoxTrace"/>); none when null.</param>
public abstract record Trace(string? Name)
{
    /// <summary>The trace as a Plotly trace object (<c>type</c> first, then <c>name</c> when set, then the data).</summary>
    public abstract JsonObject ToJson();

    /// <summary>A JSON object with <c>type</c> and, when set, <c>name</c>: the start of every trace.</summary>
    protected JsonObject Start(string type)
    {
        var json = new JsonObject { ["type"] = type };
        if (Name is not null) json["name"] = Name;
        return json;
    }

    /// <summary>Numbers as a JSON array; NaN and infinities become null (a gap for plotly.js; JSON has no NaN).</summary>
    protected static JsonArray Numbers(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var array = new JsonArray();
        foreach (double v in values) array.Add(double.IsFinite(v) ? JsonValue.Create(v) : null);
        return array;
    }

    /// <summary>Strings as a JSON array.</summary>
    protected static JsonArray Strings(IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var array = new JsonArray();
        foreach (string v in values) array.Add(v);
        return array;
    }

    /// <summary>Throws <see cref="ArgumentException"/> when two paired series differ in length.</summary>
    protected static void SameLength(int a, int b, string what)
    {
        if (a != b) throw new ArgumentException($"{what}: {a} versus {b} values; give one per point.");
    }
}
