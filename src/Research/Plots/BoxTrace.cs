using System.Text.Json.Nodes;

namespace Research.Plots;

/// <summary>
/// A box plot of samples (median, quartiles, whiskers at 1.5 IQR): Plotly's <c>box</c> trace. Several box traces
/// stand side by side, each at the category named by its <see cref="Trace.Name"/>.
/// </summary>
/// <param name="Values">The samples.</param>
/// <param name="Name">The box's category and legend entry.</param>
public sealed record BoxTrace(IReadOnlyList<double> Values, string? Name = null) : Trace(Name)
{
    /// <summary>Which samples are drawn beside the box. <value>The default value is <see cref="BoxPoints.Outliers"/>.</value></summary>
    public BoxPoints Points { get; init; } = BoxPoints.Outliers;

    /// <summary>Horizontal spread of the drawn samples, 0 (on a line) to 1 (the box's width); plotly.js's default when null. <value>The default value is null.</value></summary>
    public double? Jitter { get; init; }

    /// <inheritdoc/>
    public override JsonObject ToJson()
    {
        if (Jitter is < 0 or > 1) throw new ArgumentException($"box trace '{Name}': jitter {Jitter}; give a value in [0, 1].");
        var json = Start("box");
        json["y"] = Numbers(Values);
        json["boxpoints"] = Points switch
        {
            BoxPoints.Outliers => "outliers",
            BoxPoints.SuspectedOutliers => "suspectedoutliers",
            BoxPoints.All => "all",
            BoxPoints.None => false,
            _ => throw new ArgumentOutOfRangeException(nameof(Points), Points, "Unknown box points."),
        };
        if (Jitter is { } jitter) json["jitter"] = jitter;
        return json;
    }
}
