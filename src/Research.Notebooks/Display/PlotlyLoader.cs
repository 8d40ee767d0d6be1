using Research.Plots;

namespace Research.Notebooks.Display;

/// <summary>
/// plotly.js (embedded in Research.Core, see <see cref="PlotlyScript"/>) as one script element that then draws every
/// figure queued before it ran (<see cref="FigureHtml"/>). Emitted once per notebook: by <see cref="Kernel.Setup"/> as
/// the set-up cell's output in a live kernel, and in the head of the page by the runner's HTML exporter. It sets
/// <c>window.Plotly</c> also where require.js is loaded (Jupyter Notebook 6), like <see cref="OfflineHtml"/>, and
/// skips re-evaluating plotly.js when the same version is already on the page (the set-up cell run again).
/// </summary>
public static class PlotlyLoader
{
    /// <summary>The script elements: plotly.js, then the one that drains <c>window.researchPlotlyQueue</c>.</summary>
    public static string ScriptElement() =>
        OfflineHtml.PlotlyScriptElement() +
        "\n<script>(function(){var q=window.researchPlotlyQueue||[];window.researchPlotlyQueue=[];" +
        "if(!window.Plotly){return;}q.forEach(function(f){f();});})();</script>";
}
