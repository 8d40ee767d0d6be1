using System.Text.Json.Nodes;

namespace Research.Plots;

/// <summary>Points (x, y) drawn as a line, markers or both: Plotly's <c>scatter</c> trace.</summary>
/// <param name="X">Horizontal positions.</param>
/// <param name="Y">Vertical positions, one per x (NaN leaves a gap).</param>
/// <param name="Name">Legend entry; none when null.</param>
public sealed record ScatterTrace(IReadOnlyList<double> X, IReadOnlyList<double> Y, string? Name = null) : Trace(Name)
{
    /// <summary>How the points are drawn. <value>The default value is <see cref="ScatterMode.Lines"/>.</value></summary>
    public ScatterMode Mode { get; init; } = ScatterMode.Lines;

    /// <summary>Hover text, one per point; none when null.</summary>
    public IReadOnlyList<string>? Text { get; init; }

    /// <inheritdoc/>
    public override JsonObject ToJson()
    {
        SameLength(X.Count, Y.Count, $"scatter trace '{Name}': x and y");
        var json = Start("scatter");
        json["mode"] = Mode switch
        {
            ScatterMode.Lines => "lines",
            ScatterMode.Markers => "markers",
            ScatterMode.LinesAndMarkers => "lines+markers",
            _ => throw new ArgumentOutOfRangeException(nameof(Mode), Mode, "Unknown scatter mode."),
        };
        json["x"] = Numbers(X);
        json["y"] = Numbers(Y);
        if (Text is not null)
        {
            SameLength(X.Count, Text.Count, $"scatter trace '{Name}': x and text");
            json["text"] = Strings(Text);
        }
        return json;
    }
}
