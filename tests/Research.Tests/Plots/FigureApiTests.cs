using System.Text.Json.Nodes;
using Research.Plots;

namespace Research.Tests.Plots;

/// <summary>The figure API writes the Plotly JSON of https://plotly.com/javascript/reference/, checked key by key.</summary>
public sealed class FigureApiTests
{
    private static string Json(JsonNode? node) => JsonText.Of(node);

    [Fact]
    public void Scatter_writes_type_name_mode_points_and_text()
    {
        var trace = new ScatterTrace([1, 2], [0.5, 0.25], "loss") { Mode = ScatterMode.LinesAndMarkers, Text = ["a", "b"] };
        Assert.Equal("""{"type":"scatter","name":"loss","mode":"lines+markers","x":[1,2],"y":[0.5,0.25],"text":["a","b"]}""", Json(trace.ToJson()));
        Assert.Equal("""{"type":"scatter","mode":"lines","x":[],"y":[]}""", Json(new ScatterTrace([], []).ToJson()));
        Assert.Equal("markers", (string?)new ScatterTrace([0], [0]) { Mode = ScatterMode.Markers }.ToJson()["mode"]);
    }

    [Fact]
    public void Nan_and_infinities_become_gaps()
    {
        var trace = new ScatterTrace([1, 2, 3], [double.NaN, 1, double.PositiveInfinity]);
        Assert.Equal("[null,1,null]", Json(trace.ToJson()["y"]!));
    }

    [Fact]
    public void Bar_histogram_and_box_write_their_data()
    {
        Assert.Equal("""{"type":"bar","name":"objects","x":["img1","img2"],"y":[3,0]}""", Json(new BarTrace(["img1", "img2"], [3, 0], "objects").ToJson()));
        Assert.Equal("""{"type":"histogram","name":"area","x":[4,4,9],"nbinsx":20}""", Json(new HistogramTrace([4, 4, 9], "area") { MaxBins = 20 }.ToJson()));
        Assert.Equal("""{"type":"histogram","x":[1]}""", Json(new HistogramTrace([1]).ToJson()));
        Assert.Equal("""{"type":"box","name":"Dice","y":[0.5,1],"boxpoints":"all","jitter":0.4}""",
            Json(new BoxTrace([0.5, 1], "Dice") { Points = BoxPoints.All, Jitter = 0.4 }.ToJson()));
        Assert.Equal("""{"type":"box","y":[],"boxpoints":false}""", Json(new BoxTrace([]) { Points = BoxPoints.None }.ToJson()));
        Assert.Equal("outliers", (string?)new BoxTrace([1]).ToJson()["boxpoints"]);
        Assert.Equal("suspectedoutliers", (string?)new BoxTrace([1]) { Points = BoxPoints.SuspectedOutliers }.ToJson()["boxpoints"]);
    }

    [Fact]
    public void Layout_writes_titles_range_barmode_and_height()
    {
        var layout = new FigureLayout("T", new Axis("x"), new Axis("y") { Range = (0, 1.02) }) { BarMode = BarMode.Stack, Height = 300 };
        Assert.Equal("""{"title":{"text":"T"},"xaxis":{"title":{"text":"x"}},"yaxis":{"title":{"text":"y"},"range":[0,1.02]},"barmode":"stack","height":300,"margin":{"t":50}}""",
            Json(layout.ToJson()));
        Assert.Equal("overlay", (string?)(layout with { BarMode = BarMode.Overlay }).ToJson()["barmode"]);
        Assert.Null(new FigureLayout("T", new Axis("x"), new Axis("y")).ToJson()["barmode"]);
    }

    [Fact]
    public void A_figure_is_data_and_layout_with_the_layout_title()
    {
        var figure = Figure.Create("Counts", "true", "predicted", new ScatterTrace([0, 1], [0, 1], "identity"), new BarTrace(["a"], [2]));
        Assert.Equal("Counts", figure.Title);
        Assert.Equal(["data", "layout"], figure.Json.Select(p => p.Key));
        Assert.Equal(["scatter", "bar"], figure.Json["data"]!.AsArray().Select(t => (string?)t!["type"]));
        Assert.Equal("predicted", (string?)figure.Json["layout"]!["yaxis"]!["title"]!["text"]);
        Assert.Null(figure.Json["layout"]!["yaxis"]!["range"]);
    }

    [Fact]
    public void Mismatched_or_impossible_values_are_refused_with_the_trace_named()
    {
        var e = Assert.Throws<ArgumentException>(() => new ScatterTrace([1, 2], [1], "loss").ToJson());
        Assert.Equal("scatter trace 'loss': x and y: 2 versus 1 values; give one per point.", e.Message);
        Assert.Throws<ArgumentException>(() => new ScatterTrace([1], [1]) { Text = ["a", "b"] }.ToJson());
        Assert.Throws<ArgumentException>(() => new BarTrace(["a"], [1, 2]).ToJson());
        Assert.Throws<ArgumentException>(() => new HistogramTrace([1]) { MaxBins = 0 }.ToJson());
        Assert.Throws<ArgumentException>(() => new BoxTrace([1]) { Jitter = 2 }.ToJson());
        Assert.Throws<ArgumentException>(() => new Axis("y") { Range = (1, 0) }.ToJson());
    }

    [Fact]
    public void The_embedded_plotly_js_is_the_version_the_library_names()
    {
        Assert.StartsWith($"/**\n* plotly.js v{PlotlyScript.Version}\n", PlotlyScript.Source, StringComparison.Ordinal);
        Assert.Contains("Licensed under the MIT license", PlotlyScript.Source[..400], StringComparison.Ordinal);
        Assert.True(PlotlyScript.Source.Length > 3_000_000, $"plotly.js is only {PlotlyScript.Source.Length} characters");
    }
}
