using System.Text.Json.Nodes;

namespace Research.Plots;

/// <summary>One axis of a <see cref="FigureLayout"/>: its title and, optionally, a fixed range.</summary>
/// <param name="Title">The axis title.</param>
public sealed record Axis(string Title)
{
    /// <summary>The visible range [Min, Max]; plotly.js fits the data when null. <value>The default value is null.</value></summary>
    public (double Min, double Max)? Range { get; init; }

    /// <summary>The axis as a Plotly axis object (<c>title.text</c>, <c>range</c>).</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["title"] = new JsonObject { ["text"] = Title } };
        if (Range is { } r)
        {
            if (!(r.Min < r.Max)) throw new ArgumentException($"axis '{Title}': range [{r.Min}, {r.Max}]; give Min < Max.");
            json["range"] = new JsonArray(r.Min, r.Max);
        }
        return json;
    }
}
