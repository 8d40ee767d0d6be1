namespace Research.Plots;

/// <summary>How several <see cref="BarTrace"/>s (and histograms) share a category (Plotly's <c>barmode</c>).</summary>
public enum BarMode
{
    /// <summary>Side by side (<c>"group"</c>, plotly.js's default).</summary>
    Group,

    /// <summary>On top of each other (<c>"stack"</c>).</summary>
    Stack,

    /// <summary>Over each other, the later in front (<c>"overlay"</c>; use with translucent traces).</summary>
    Overlay,

    /// <summary>Stacked, negative values below the axis (<c>"relative"</c>).</summary>
    Relative,
}
