using System.Text.Json.Nodes;

namespace Research.Plots;

/// <summary>
/// Samples counted in bins by plotly.js: Plotly's <c>histogram</c> trace (x = the samples, bar height = the number in
/// each bin). The data carries the samples, not the counts.
/// </summary>
/// <param name="Values">The samples.</param>
/// <param name="Name">Legend entry; none when null.</param>
public sealed record HistogramTrace(IReadOnlyList<double> Values, string? Name = null) : Trace(Name)
{
    /// <summary>
    /// The most bins plotly.js may use (<c>nbinsx</c>; it picks "nice" bin edges, so the count may be lower); plotly.js
    /// chooses when null. <value>The default value is null.</value>
    /// </summary>
    public int? MaxBins { get; init; }

    /// <inheritdoc/>
    public override JsonObject ToJson()
    {
        if (MaxBins is < 1) throw new ArgumentException($"histogram trace '{Name}': {MaxBins} bins; give at least 1.");
        var json = Start("histogram");
        json["x"] = Numbers(Values);
        if (MaxBins is { } bins) json["nbinsx"] = bins;
        return json;
    }
}
