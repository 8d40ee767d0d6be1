using System.Globalization;
using System.Text.Json;
using Research.Plots;

namespace Research.Notebooks.Display;

/// <summary>
/// A Plotly figure as a notebook output: a div with a unique id and a script that draws the figure JSON into it with
/// <c>window.Plotly</c>. plotly.js itself is not in the output (it is loaded once per notebook by
/// <see cref="PlotlyLoader"/>, the set-up cell's output), so the script copes with every order in which front ends run
/// output scripts:
/// <list type="bullet">
/// <item>plotly.js already there (Jupyter Notebook, a cell run after the set-up cell, also after a page reload of a
/// trusted notebook, whose saved set-up output runs again): draws at once;</item>
/// <item>plotly.js not there yet (JupyterLab or VS Code rendering saved outputs, the runner's HTML export): queues the
/// drawing in <c>window.researchPlotlyQueue</c>, which the loader empties;</item>
/// <item>the div not yet in the document when the script runs (front ends that run scripts before attaching the
/// output): keeps the div from <c>document.currentScript</c> when the browser gives it, else looks the id up again
/// every 100 ms for up to a minute.</item>
/// </list>
/// </summary>
public static class FigureHtml
{
    /// <summary>The class of every figure div (tests and the exporter look for it).</summary>
    public const string DivClass = "research-plotly";

    /// <summary>The HTML of <paramref name="figure"/>.</summary>
    public static string Render(Figure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        // A GUID, not a counter: a saved notebook's outputs and those of a later kernel share one page.
        string id = "research-figure-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);
        string json = JsonSerializer.Serialize(figure.Json).Replace("</", "<\\/", StringComparison.Ordinal);
        return $"<div class=\"{DivClass}\" id=\"{id}\" style=\"width:100%;min-height:420px\"></div>\n" +
               "<script>(function(){var fig=" + json + ";var id='" + id + "',tries=0;" +
               "var s=document.currentScript,p=s&&s.previousElementSibling,el=p&&p.id===id?p:null;" +
               "function draw(){var d=el||document.getElementById(id);" +
               "if(!d){if(tries++<600){setTimeout(draw,100);}return;}" +
               "window.Plotly.newPlot(d,fig.data,fig.layout,{responsive:true,displaylogo:false});}" +
               "if(window.Plotly){draw();}else{(window.researchPlotlyQueue=window.researchPlotlyQueue||[]).push(draw);}})();</script>";
    }
}
