using System.Text.Json;
using Research.Plots;

namespace Research.Notebooks.Display;

/// <summary>
/// A Plotly figure as a notebook output: a div and a script that draws it with <c>window.Plotly</c> when that exists
/// (the exported HTML and a page where <see cref="PlotlyLoader"/> ran), and otherwise queues the drawing in
/// <c>window.researchPlotlyQueue</c> for the loader to run.
/// </summary>
public static class FigureHtml
{
    private static int _next;

    /// <summary>The class of every figure div (tests and the exporter look for it).</summary>
    public const string DivClass = "research-plotly";

    /// <summary>The HTML of <paramref name="figure"/>.</summary>
    public static string Render(Figure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        string id = $"research-figure-{Environment.ProcessId}-{Interlocked.Increment(ref _next)}";
        string json = JsonSerializer.Serialize(figure.Json).Replace("</", "<\\/", StringComparison.Ordinal);
        return $"<div class=\"{DivClass}\" id=\"{id}\" style=\"width:100%;min-height:420px\"></div>\n" +
               "<script>(function(){var fig=" + json + ";function draw(){window.Plotly.newPlot('" + id +
               "',fig.data,fig.layout,{responsive:true,displaylogo:false});}" +
               "if(window.Plotly){draw();}else{(window.researchPlotlyQueue=window.researchPlotlyQueue||[]).push(draw);}})();</script>";
    }
}
