using System.Text.Json.Nodes;

namespace Research.Plots;

/// <summary>
/// A figure's layout: title, the two axes, how bars share a category, and the height. The width follows the page
/// (figures are drawn responsive).
/// </summary>
/// <param name="Title">The figure's title (also <see cref="Figure.Title"/>).</param>
/// <param name="X">The horizontal axis.</param>
/// <param name="Y">The vertical axis.</param>
public sealed record FigureLayout(string Title, Axis X, Axis Y)
{
    /// <summary>How bar and histogram traces share a category; plotly.js's default (group) when null. <value>The default value is null.</value></summary>
    public BarMode? BarMode { get; init; }

    /// <summary>Height in CSS pixels. <value>The default value is 420.</value></summary>
    public int Height { get; init; } = 420;

    /// <summary>The layout as a Plotly layout object.</summary>
    public JsonObject ToJson()
    {
        ArgumentNullException.ThrowIfNull(X);
        ArgumentNullException.ThrowIfNull(Y);
        if (Height < 1) throw new ArgumentException($"figure '{Title}': height {Height}; give at least 1 pixel.");
        var json = new JsonObject
        {
            ["title"] = new JsonObject { ["text"] = Title },
            ["xaxis"] = X.ToJson(),
            ["yaxis"] = Y.ToJson(),
        };
        if (BarMode is { } mode)
        {
            json["barmode"] = mode switch
            {
                Plots.BarMode.Group => "group",
                Plots.BarMode.Stack => "stack",
                Plots.BarMode.Overlay => "overlay",
                Plots.BarMode.Relative => "relative",
                _ => throw new ArgumentOutOfRangeException(nameof(BarMode), mode, "Unknown bar mode."),
            };
        }
        json["height"] = Height;
        json["margin"] = new JsonObject { ["t"] = 50 };
        return json;
    }
}
