using System.Net;
using System.Text;
using System.Text.Json;

namespace Research.Plots;

/// <summary>A block of a report page: a figure, a picture (PNG bytes) or a paragraph of text.</summary>
public abstract record ReportBlock
{
    private protected ReportBlock() { }
}

/// <summary>A Plotly figure.</summary>
/// <param name="Figure">The figure.</param>
public sealed record FigureBlock(Figure Figure) : ReportBlock;

/// <summary>A PNG picture with a caption.</summary>
/// <param name="Caption">Heading and alternative text.</param>
/// <param name="Png">The PNG file's bytes.</param>
public sealed record PictureBlock(string Caption, byte[] Png) : ReportBlock;

/// <summary>A fragment of HTML written as given (the caller escapes any text in it): headings, tables, lists.</summary>
/// <param name="Html">The fragment.</param>
public sealed record HtmlBlock(string Html) : ReportBlock;

/// <summary>A paragraph (plain text, escaped).</summary>
/// <param name="Text">The text.</param>
public sealed record TextBlock(string Text) : ReportBlock;

/// <summary>
/// Writes one self-contained HTML page: plotly.js (<see cref="PlotlyScript"/>) inlined once, every figure as JSON,
/// pictures as data URIs; nothing is fetched from the network. plotly.js is a UMD bundle: when the page also loads
/// an AMD loader (require.js, as Jupyter's HTML export does) it would register as an anonymous AMD module and leave
/// <c>window.Plotly</c> undefined. It is therefore run inside a function whose <c>define</c>, <c>module</c> and
/// <c>exports</c> are undefined, so it always attaches itself to <c>window.Plotly</c>, and figures are drawn from
/// that reference.
/// </summary>
public static class OfflineHtml
{
    /// <summary>The HTML of a page with <paramref name="title"/> and <paramref name="blocks"/>.</summary>
    public static string Render(string title, IReadOnlyList<ReportBlock> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(WebUtility.HtmlEncode(title)).Append("</title>\n");
        html.Append("<style>body{font-family:sans-serif;margin:1.5em;max-width:1100px}h1{font-size:1.4em}h2{font-size:1.1em}img{max-width:100%}.plot{width:100%;min-height:420px}.answer table{border-collapse:collapse;margin:0.5em 0}.answer th,.answer td{border:1px solid #999;padding:2px 6px}</style>\n");
        html.Append(PlotlyScriptElement()).Append("\n</head>\n<body>\n<h1>").Append(WebUtility.HtmlEncode(title)).Append("</h1>\n");
        int n = 0;
        foreach (var block in blocks)
        {
            switch (block)
            {
                case FigureBlock f:
                    string id = $"figure-{n++}";
                    string json = JsonSerializer.Serialize(f.Figure.Json).Replace("</", "<\\/", StringComparison.Ordinal);
                    html.Append("<div class=\"plot\" id=\"").Append(id).Append("\"></div>\n<script>(function(){var fig=")
                        .Append(json).Append(";window.Plotly.newPlot('").Append(id)
                        .Append("',fig.data,fig.layout,{responsive:true,displaylogo:false});})();</script>\n");
                    break;
                case PictureBlock p:
                    html.Append("<h2>").Append(WebUtility.HtmlEncode(p.Caption)).Append("</h2>\n<img alt=\"").Append(WebUtility.HtmlEncode(p.Caption))
                        .Append("\" src=\"data:image/png;base64,").Append(Convert.ToBase64String(p.Png)).Append("\">\n");
                    break;
                case HtmlBlock h:
                    html.Append(h.Html).Append('\n');
                    break;
                case TextBlock t:
                    html.Append("<p>").Append(WebUtility.HtmlEncode(t.Text)).Append("</p>\n");
                    break;
            }
        }
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>
    /// plotly.js as one <c>&lt;script&gt;</c> element that always sets <c>window.Plotly</c>, also next to an AMD loader
    /// (see the class summary), and does nothing when <c>window.Plotly</c> of the same version is already there (a
    /// notebook's set-up output run twice). Pages include it once, before any figure.
    /// </summary>
    public static string PlotlyScriptElement() =>
        "<script>(function(){if(window.Plotly&&window.Plotly.version==='" + PlotlyScript.Version + "'){return;}" +
        "var define=undefined,module=undefined,exports=undefined;\n" +
        PlotlyScript.Source.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase) +
        "\n}).call(window);</script>";

    /// <summary>Writes the page to <paramref name="path"/> atomically.</summary>
    public static void Write(string path, string title, IReadOnlyList<ReportBlock> blocks) =>
        IO.AtomicFile.WriteAllText(path, Render(title, blocks));
}
