using Research.Metrics;
using Research.Metrics.Evaluation;
using Research.Plots;

namespace Research.Tests.Plots;

/// <summary>
/// The offline report draws its figures in headless Chromium, with no network, both as a plain page and when the
/// page has already defined an AMD loader (require.js, as Jupyter's HTML export does).
/// </summary>
public sealed class OfflineHtmlChromiumTests
{
    // A minimal AMD loader: what makes a UMD bundle register itself with define() instead of window.Plotly.
    private const string RequireStub =
        "<script>var __amd=[];var define=function(){__amd.push(arguments);};define.amd={};var require=function(){};</script>";

    private static string ReportHtml()
    {
        string folder = TestSupport.Repository.PathOf("tests/Research.Tests/Metrics/Fixtures");
        var source = new FolderPairSource(Path.Combine(folder, "pred"), Path.Combine(folder, "truth"));
        var options = new EvaluationOptions();
        var (images, summary) = Evaluator.Evaluate([.. source.Pairs()], options);
        var worst = source.Pairs().Where(p => WorstGallery.Pick(images, 2).Contains(p.Id)).ToList();
        return OfflineHtml.Render("Evaluation report", EvaluationReport.Blocks(images, summary, options, worst));
    }

    private static (int Trace, int Colours, string Log) Render(string html)
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("research-report-").FullName, "report.html");
        File.WriteAllText(path, html);
        try
        {
            var (shot, log) = HeadlessChromium.Render(path);
            return (HeadlessChromium.TraceColouredPixels(shot), HeadlessChromium.DistinctColours(shot), log);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public void Plotly_is_inlined_once_and_nothing_is_fetched()
    {
        string html = ReportHtml();
        Assert.Equal(1, CountOf(html, "/*! For license information please see plotly.min.js.LICENSE.txt */"));
        Assert.DoesNotContain("cdn.plot.ly", html[..200], StringComparison.Ordinal);
        Assert.DoesNotContain("<script src=", html, StringComparison.Ordinal);
        Assert.Equal(3, CountOf(html, "window.Plotly.newPlot("));
    }

    [Fact]
    public void Report_draws_in_headless_chromium()
    {
        var (trace, colours, log) = Render(ReportHtml());
        Assert.DoesNotContain("Uncaught", log, StringComparison.Ordinal);
        Assert.True(trace > 200, $"only {trace} pixels of the trace colour: the first figure was not drawn. Log: {log}");
        Assert.True(colours > 100, $"only {colours} distinct colours: a blank page. Log: {log}");
    }

    [Fact]
    public void Report_draws_when_the_page_also_loads_an_amd_loader()
    {
        string html = ReportHtml().Replace("<head>\n", "<head>\n" + RequireStub + "\n", StringComparison.Ordinal);
        Assert.Contains(RequireStub, html, StringComparison.Ordinal);
        var (trace, _, log) = Render(html);
        Assert.DoesNotContain("Uncaught", log, StringComparison.Ordinal);
        Assert.True(trace > 200, $"only {trace} pixels of the trace colour with require.js present. Log: {log}");
    }

    [Fact]
    public void Control_without_the_define_shadowing_the_amd_loader_breaks_plotly()
    {
        // Proves the test above can fail: the same page without the wrapper's shadowing of define/module/exports
        // loses window.Plotly under the stub (plotly.js registers itself as an AMD module instead).
        string html = ReportHtml()
            .Replace("var define=undefined,module=undefined,exports=undefined;\n", "\n", StringComparison.Ordinal)
            .Replace("<head>\n", "<head>\n" + RequireStub + "\n", StringComparison.Ordinal);
        Assert.DoesNotContain("var define=undefined", html, StringComparison.Ordinal);
        var (trace, _, log) = Render(html);
        Assert.Contains("Uncaught", log, StringComparison.Ordinal);
        Assert.True(trace < 50, $"{trace} trace-coloured pixels although plotly should be missing");
    }

    private static int CountOf(string text, string what)
    {
        int n = 0;
        for (int i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + what.Length, StringComparison.Ordinal)) n++;
        return n;
    }
}
