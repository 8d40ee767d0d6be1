using System.Text;
using System.Text.Json;
using Research.Metrics;
using Research.Notebooks.Display;
using Research.Plots;
using Research.Tests.Plots;

namespace Research.Notebooks.Tests.Display;

/// <summary>
/// Notebook outputs in headless Chromium (no network): a page plays the part of a notebook front end, inserting
/// output HTML one output at a time and running its scripts the way the front ends do, and the DOM dumped afterwards
/// shows whether plotly.js drew (its <c>main-svg</c> layers). Jupyter Notebook 6 (classic) inserts outputs with
/// jQuery, which evaluates scripts without <c>document.currentScript</c>, and has require.js's AMD <c>define</c>
/// on the page; JupyterLab and VS Code re-create each script element in place and may render the saved outputs
/// in any order.
/// </summary>
public sealed class PlotlyOutputChromiumTests
{
    // A minimal AMD loader, as require.js in Jupyter Notebook 6: what makes a UMD bundle skip window.Plotly.
    private const string RequireStub =
        "<script>var __amd=[];var define=function(){__amd.push(arguments);};define.amd={};var require=function(){};</script>";

    // What plotly.js adds to the page when it draws (the page's script text holds the words, never this element).
    private const string DrawnLayer = "<svg class=\"main-svg\"";

    private enum FrontEnd
    {
        /// <summary>jQuery-style: scripts evaluated by indirect eval, no currentScript; require.js present.</summary>
        Classic,

        /// <summary>Lab-style: each script element re-created in place; no AMD loader.</summary>
        Lab,
    }

    private static readonly EpochMetrics[] Epochs = [new(1, 0.9, 0.8, 0.5, 0.33, 1e-3, 10), new(2, 0.6, 0.7, 0.6, 0.43, 1e-3, 10)];

    private static string Loader => PlotlyLoader.ScriptElement();

    private static string AFigure() => FigureHtml.Render(LearningCurves.Loss(Epochs));

    [Fact]
    public void Classic_notebook_with_require_js_draws_figures_after_the_set_up_output()
    {
        var (drawn, dom) = Run(FrontEnd.Classic, (0, Loader), (0, AFigure()), (0, AFigure()));
        Assert.Equal(2, drawn);
        Assert.Contains("data-plotly=\"object\"", dom, StringComparison.Ordinal);
    }

    [Fact]
    public void Lab_draws_figures_rendered_before_the_set_up_output()
    {
        var (drawn, _) = Run(FrontEnd.Lab, (0, AFigure()), (0, AFigure()), (300, Loader));
        Assert.Equal(2, drawn);
    }

    [Fact]
    public void A_cell_run_after_a_page_reload_draws_with_the_saved_set_up_output()
    {
        // Reload of a saved, trusted notebook: the saved outputs (set-up, one figure) run again on load; a cell run
        // later adds a figure output without a loader of its own. The set-up cell run twice does no harm either.
        var (drawn, _) = Run(FrontEnd.Classic, (0, Loader), (0, AFigure()), (500, AFigure()), (200, Loader), (200, AFigure()));
        Assert.Equal(3, drawn);
    }

    [Fact]
    public void Control_set_up_output_alone_draws_nothing()
    {
        var (drawn, dom) = Run(FrontEnd.Classic, (0, Loader));
        Assert.Equal(0, drawn);
        Assert.DoesNotContain(DrawnLayer, dom, StringComparison.Ordinal);
        Assert.Contains("data-plotly=\"object\"", dom, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_figures_without_the_set_up_output_wait_and_draw_nothing()
    {
        var (drawn, dom) = Run(FrontEnd.Lab, (0, AFigure()));
        Assert.Equal(0, drawn);
        Assert.DoesNotContain(DrawnLayer, dom, StringComparison.Ordinal);
        Assert.Contains("data-queued=\"1\"", dom, StringComparison.Ordinal);
    }

    /// <summary>Plays the outputs (delay in ms before each, HTML) and counts the figure divs plotly.js drew into.</summary>
    private static (int Drawn, string Dom) Run(FrontEnd frontEnd, params (int Delay, string Html)[] outputs)
    {
        string folder = Directory.CreateTempSubdirectory("research-notebook-page-").FullName;
        try
        {
            string path = Path.Combine(folder, "notebook.html");
            File.WriteAllText(path, Page(frontEnd, outputs));
            var (dom, log) = HeadlessChromium.DumpDom(path);
            Assert.DoesNotContain("Uncaught", log, StringComparison.Ordinal);
            Assert.Contains("data-done=\"yes\"", dom, StringComparison.Ordinal);
            int drawn = dom.Split("<div class=\"" + FigureHtml.DivClass).Skip(1)
                .Count(div => div[..div.IndexOf('>', StringComparison.Ordinal)].Contains("js-plotly-plot", StringComparison.Ordinal));
            Assert.True(drawn == 0 || dom.Contains(DrawnLayer, StringComparison.Ordinal), "plotly marked a div but drew no main-svg");
            return (drawn, dom);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Page(FrontEnd frontEnd, (int Delay, string Html)[] outputs)
    {
        string run = frontEnd == FrontEnd.Classic
            ? "Array.prototype.forEach.call(d.querySelectorAll('script'),function(s){(0,eval)(s.text);});"
            : "Array.prototype.forEach.call(d.querySelectorAll('script'),function(s){var n=document.createElement('script');n.text=s.text;s.parentNode.replaceChild(n,s);});";
        var html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n");
        if (frontEnd == FrontEnd.Classic) html.Append(RequireStub).Append('\n');
        html.Append("</head><body>\n<script>\nvar outputs=").Append(JsonSerializer.Serialize(outputs.Select(o => new object[] { o.Delay, o.Html })))
            .Append(";\nfunction add(html){var d=document.createElement('div');d.className='output';d.innerHTML=html;document.body.appendChild(d);")
            .Append(run).Append("}\n")
            .Append("function next(i){if(i>=outputs.length){setTimeout(function(){var b=document.body;b.setAttribute('data-plotly',typeof window.Plotly);")
            .Append("b.setAttribute('data-queued',String((window.researchPlotlyQueue||[]).length));b.setAttribute('data-done','yes');},1500);return;}")
            .Append("setTimeout(function(){add(outputs[i][1]);next(i+1);},outputs[i][0]);}\nnext(0);\n</script>\n</body></html>\n");
        return html.ToString();
    }
}
