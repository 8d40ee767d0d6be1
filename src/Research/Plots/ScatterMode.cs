namespace Research.Plots;

/// <summary>How a <see cref="ScatterTrace"/> draws its points (Plotly's <c>mode</c>).</summary>
public enum ScatterMode
{
    /// <summary>A line through the points, no markers (<c>"lines"</c>).</summary>
    Lines,

    /// <summary>Markers only (<c>"markers"</c>).</summary>
    Markers,

    /// <summary>A line with a marker at every point (<c>"lines+markers"</c>).</summary>
    LinesAndMarkers,
}
