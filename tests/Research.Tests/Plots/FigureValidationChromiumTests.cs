using System.Net;
using System.Text;
using System.Text.Json;
using Research.Datasheets;
using Research.Metrics;
using Research.Plots;
using Research.Tests.Datasheets;

namespace Research.Tests.Plots;

/// <summary>
/// Every figure the library makes, and every trace kind and layout option of the figure API, is accepted by plotly.js
/// itself in headless Chromium: <c>Plotly.validate</c> reports no error, and <c>Plotly.newPlot</c> draws it (its
/// <c>main-svg</c> layers appear in the DOM).
/// </summary>
public sealed class FigureValidationChromiumTests
{
    private static IReadOnlyList<Figure> AllFigures()
    {
        var options = new EvaluationOptions();
        var images = Evaluator.Evaluate(
        [
            new LabelPair("a", new LabelImage(2, 2, [1, 1, 0, 0]), new LabelImage(2, 2, [1, 1, 0, 0])),
            new LabelPair("b", new LabelImage(2, 2, [1, 0, 0, 0]), new LabelImage(2, 2, [0, 0, 0, 0])),
        ], options).Images;
        EpochMetrics[] epochs = [new(1, 0.9, 0.8, 0.5, 0.33, 1e-3, 10), new(2, 0.6, 0.7, 0.6, 0.43, 1e-3, 10)];
        var grey = new Research.Imaging.Image<byte>(2, 2, 1, [0, 50, 100, 200]);
        var api = Figure.Create(
            new FigureLayout("Every trace kind", new Axis("x") { Range = (-1, 3) }, new Axis("y")) { BarMode = BarMode.Stack, Height = 300 },
            new BarTrace(["a", "b"], [1, 2], "bars"), new BarTrace(["a", "b"], [2, double.NaN], "more bars"),
            new HistogramTrace([0.5, 1, 1]) { MaxBins = 3 }, new BoxTrace([1, 2, 3], "box") { Points = BoxPoints.None },
            new BoxTrace([1, 2, 9], "outliers") { Points = BoxPoints.SuspectedOutliers },
            new ScatterTrace([0, 1], [1, double.PositiveInfinity], "gap") { Text = ["p", "q"], Mode = ScatterMode.LinesAndMarkers });
        return
        [
            MetricFigures.ScoreVersusThreshold(images), MetricFigures.PerImageDistributions(images, options), MetricFigures.Counts(images),
            LearningCurves.Loss(epochs), LearningCurves.Scores(epochs), IntensityHistogram.Of([("grey", grey)], 4),
            .. DatasheetFigures.All(DatasheetFiguresTests.Small()), .. DatasheetFigures.All(Composition.NotMeasured), api,
        ];
    }

    [Fact]
    public void Plotly_js_validates_and_draws_every_figure()
    {
        var figures = AllFigures();
        var page = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append(OfflineHtml.PlotlyScriptElement()).Append("\n</head>\n<body>\n");
        for (int i = 0; i < figures.Count; i++)
        {
            string json = JsonSerializer.Serialize(figures[i].Json);
            page.Append("<div id=\"f").Append(i).Append("\"></div><pre id=\"e").Append(i).Append("\"></pre>\n<script>(function(){var fig=").Append(json)
                .Append(";var errors=window.Plotly.validate(fig.data,fig.layout)||[];document.getElementById('e").Append(i)
                .Append("').textContent=JSON.stringify(errors.map(function(e){return e.msg;}));window.Plotly.newPlot('f").Append(i)
                .Append("',fig.data,fig.layout);})();</script>\n");
        }
        page.Append("</body>\n</html>\n");
        string folder = Directory.CreateTempSubdirectory("research-figures-").FullName;
        try
        {
            string path = Path.Combine(folder, "figures.html");
            File.WriteAllText(path, page.ToString());
            var (dom, log) = HeadlessChromium.DumpDom(path);
            Assert.DoesNotContain("Uncaught", log, StringComparison.Ordinal);
            for (int i = 0; i < figures.Count; i++)
            {
                string errors = Between(dom, $"<pre id=\"e{i}\">", "</pre>");
                // A figure without data (a datasheet written without data) draws empty axes; plotly.js calls its traces invisible.
                bool empty = figures[i].Json["data"]!.AsArray().All(t => (t!["x"] ?? t["y"])!.AsArray().Count == 0);
                Assert.True(errors == "[]" || empty, $"figure {i} '{figures[i].Title}': plotly.js reports {WebUtility.HtmlDecode(errors)}");
                string div = Between(dom, $"<div id=\"f{i}\"", "<pre");
                Assert.True(div.Contains("js-plotly-plot", StringComparison.Ordinal) && div.Contains("<svg class=\"main-svg\"", StringComparison.Ordinal),
                    $"figure {i} '{figures[i].Title}' was not drawn. Log: {log}");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Control_an_unknown_attribute_is_reported_by_plotly_validate()
    {
        // The check above can fail: plotly.js names an attribute that is not in its schema.
        var bad = new Figure("bad", new System.Text.Json.Nodes.JsonObject
        {
            ["data"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["type"] = "scatter", ["x"] = new System.Text.Json.Nodes.JsonArray(1), ["nbinsx"] = 3 }),
            ["layout"] = new System.Text.Json.Nodes.JsonObject(),
        });
        string path = Path.Combine(Directory.CreateTempSubdirectory("research-figures-").FullName, "bad.html");
        File.WriteAllText(path, "<!DOCTYPE html>\n<html><head>" + OfflineHtml.PlotlyScriptElement() + "</head><body><pre id=\"e\"></pre><script>var fig=" +
            JsonSerializer.Serialize(bad.Json) + ";document.getElementById('e').textContent=JSON.stringify(window.Plotly.validate(fig.data,fig.layout).map(function(e){return e.msg;}));</script></body></html>");
        var (dom, _) = HeadlessChromium.DumpDom(path);
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        Assert.Contains("nbinsx", Between(dom, "<pre id=\"e\">", "</pre>"), StringComparison.Ordinal);
    }

    private static string Between(string text, string start, string end)
    {
        int i = text.IndexOf(start, StringComparison.Ordinal);
        Assert.True(i >= 0, $"'{start}' not in the page");
        i += start.Length;
        int j = text.IndexOf(end, i, StringComparison.Ordinal);
        return text[i..j];
    }
}
