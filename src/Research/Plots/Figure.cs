using System.Text.Json.Nodes;
using Plotly.NET;

namespace Research.Plots;

/// <summary>
/// A figure ready for the page: the Plotly figure JSON (data and layout) plus a title. Made from a Plotly.NET chart;
/// titles and axis labels are set on the JSON so that they do not depend on Plotly.NET's styling overloads.
/// </summary>
/// <param name="Title">Heading shown above the figure.</param>
/// <param name="Json">Plotly figure JSON: an object with <c>data</c> and <c>layout</c>.</param>
public sealed record Figure(string Title, JsonObject Json)
{
    /// <summary>Builds a figure from <paramref name="chart"/> with a title and axis labels.</summary>
    public static Figure From(GenericChart chart, string title, string xTitle, string yTitle, (double Min, double Max)? yRange = null)
    {
        var json = JsonNode.Parse(GenericChart.toFigureJson(chart))!.AsObject();
        json.Remove("frames");
        var layout = json["layout"] as JsonObject ?? [];
        json["layout"] = layout;
        layout["title"] = new JsonObject { ["text"] = title };
        layout["xaxis"] = new JsonObject { ["title"] = new JsonObject { ["text"] = xTitle } };
        var y = new JsonObject { ["title"] = new JsonObject { ["text"] = yTitle } };
        if (yRange is { } r) y["range"] = new JsonArray(r.Min, r.Max);
        layout["yaxis"] = y;
        layout["template"] = null;
        layout.Remove("template");
        layout["height"] = 420;
        layout["margin"] = new JsonObject { ["t"] = 50 };
        return new Figure(title, json);
    }
}
