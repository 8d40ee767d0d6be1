using System.Text.Json.Nodes;

namespace Research.Plots;

/// <summary>
/// A figure ready for the page: the Plotly figure JSON (an object with <c>data</c> and <c>layout</c>, see
/// https://plotly.com/javascript/reference/) plus a title. Build one with <see cref="Create(FigureLayout, IEnumerable{Trace})"/>
/// from typed traces (<see cref="ScatterTrace"/>, <see cref="BarTrace"/>, <see cref="HistogramTrace"/>,
/// <see cref="BoxTrace"/>), or write the JSON directly with the constructor. Rendered by plotly.js
/// (<see cref="PlotlyScript"/>) in reports and notebooks; no .NET plotting package is involved.
/// </summary>
/// <param name="Title">Heading shown above the figure.</param>
/// <param name="Json">Plotly figure JSON: an object with <c>data</c> and <c>layout</c>.</param>
public sealed record Figure(string Title, JsonObject Json)
{
    /// <summary>A figure of <paramref name="traces"/>, drawn in order, with <paramref name="layout"/>; the title is the layout's.</summary>
    public static Figure Create(FigureLayout layout, params IEnumerable<Trace> traces)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(traces);
        var data = new JsonArray();
        foreach (var trace in traces) data.Add(trace.ToJson());
        return new Figure(layout.Title, new JsonObject { ["data"] = data, ["layout"] = layout.ToJson() });
    }

    /// <summary>A figure with a title and axis titles (no fixed ranges): the common case of <see cref="Create(FigureLayout, IEnumerable{Trace})"/>.</summary>
    public static Figure Create(string title, string xTitle, string yTitle, params IEnumerable<Trace> traces) =>
        Create(new FigureLayout(title, new Axis(xTitle), new Axis(yTitle)), traces);
}
