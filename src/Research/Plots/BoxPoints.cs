namespace Research.Plots;

/// <summary>Which samples a <see cref="BoxTrace"/> draws beside its box (Plotly's <c>boxpoints</c>).</summary>
public enum BoxPoints
{
    /// <summary>Only samples beyond the whiskers (<c>"outliers"</c>, plotly.js's default).</summary>
    Outliers,

    /// <summary>Outliers, with suspected ones (beyond 4 Q1 - 3 Q3 or 4 Q3 - 3 Q1) highlighted (<c>"suspectedoutliers"</c>).</summary>
    SuspectedOutliers,

    /// <summary>Every sample (<c>"all"</c>).</summary>
    All,

    /// <summary>No sample, only the box and whiskers (<c>false</c>).</summary>
    None,
}
