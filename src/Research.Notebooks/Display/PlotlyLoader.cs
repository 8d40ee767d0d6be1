using Research.Plots;

namespace Research.Notebooks.Display;

/// <summary>
/// plotly.js (from Plotly.NET's package, see <see cref="PlotlyScript"/>) as one script element that also draws every
/// figure queued before it ran. Emitted once: by <see cref="Kernel.Setup"/> in a live kernel, and in the head of the
/// page by the runner's HTML exporter. AMD-safe like <see cref="OfflineHtml"/>.
/// </summary>
public static class PlotlyLoader
{
    /// <summary>The script element.</summary>
    public static string ScriptElement() =>
        OfflineHtml.PlotlyScriptElement() +
        "\n<script>(function(){var q=window.researchPlotlyQueue||[];window.researchPlotlyQueue=[];q.forEach(function(f){f();});})();</script>";
}
