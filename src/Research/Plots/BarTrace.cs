using System.Text.Json.Nodes;

namespace Research.Plots;

/// <summary>One vertical bar per category: Plotly's <c>bar</c> trace. Several bar traces group or stack by <see cref="FigureLayout.BarMode"/>.</summary>
/// <param name="Categories">The bars' labels on the x axis.</param>
/// <param name="Values">The bars' heights, one per category.</param>
/// <param name="Name">Legend entry; none when null.</param>
public sealed record BarTrace(IReadOnlyList<string> Categories, IReadOnlyList<double> Values, string? Name = null) : Trace(Name)
{
    /// <inheritdoc/>
    public override JsonObject ToJson()
    {
        SameLength(Categories.Count, Values.Count, $"bar trace '{Name}': categories and values");
        var json = Start("bar");
        json["x"] = Strings(Categories);
        json["y"] = Numbers(Values);
        return json;
    }
}
