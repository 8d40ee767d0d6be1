using System.Net;
using Markdig;
using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive.Formatting;
using Research.Imaging;
using Research.Metrics;
using Research.Plots;

namespace Research.Notebooks.Display;

/// <summary>
/// The project's <c>text/html</c> formatters, registered with Microsoft.DotNet.Interactive.Formatting so that
/// <c>display(x)</c> and a cell's last value render the same in the .NET Interactive kernel and in the runner.
/// </summary>
public static class NotebookFormatters
{
    /// <summary>The MIME type of every formatter here.</summary>
    public const string HtmlMime = "text/html";

    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UsePipeTables().Build();
    private static readonly Lock Gate = new();
    private static bool _registered;

    /// <summary>Registers every formatter (once; later calls do nothing).</summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (_registered) return;
            Add<Image<byte>>(i => ImageHtml.ImgTag(i));
            Add<Image<ushort>>(i => ImageHtml.ImgTag(i));
            Add<Image<float>>(i => ImageHtml.ImgTag(i));
            Add<Image<int>>(i => ImageHtml.ImgTag(i));
            Add<Overlay>(Render);
            Add<SideBySide>(Render);
            Add<Figure>(FigureHtml.Render);
            Add<DataFrame>(TableHtml.Render);
            Add<EvaluationSummary>(TableHtml.Render);
            Add<HtmlContent>(h => h.Html);
            Add<MarkdownContent>(m => Markdig.Markdown.ToHtml(m.Text, Markdown));
            Add<KernelBanner>(b => b.Html);
            _registered = true;
        }
    }

    /// <summary>The HTML of <paramref name="value"/>: through a formatter above when one applies, else the default HTML formatter.</summary>
    public static string HtmlOf(object? value)
    {
        Register();
        return value switch
        {
            null => "",
            string s => $"<pre>{WebUtility.HtmlEncode(s)}</pre>",
            _ => value.ToDisplayString(HtmlMime),
        };
    }

    /// <summary>Markdown text as HTML (CommonMark with pipe tables), as the markdown formatter renders it.</summary>
    public static string MarkdownToHtml(string text) => Markdig.Markdown.ToHtml(text ?? "", Markdown);

    private static void Add<T>(Func<T, string> html)
    {
        Formatter.Register<T>((value, writer) => writer.Write(html(value)), HtmlMime);
        Formatter.SetPreferredMimeTypesFor(typeof(T), HtmlMime);
    }

    private static string Render(Overlay overlay)
    {
        string img = ImageHtml.ImgTag(overlay.Image, overlay.Caption, overlay.Labels);
        return overlay.Caption is null ? img : $"<figure style=\"display:inline-block;margin:4px\">{img}<figcaption>{WebUtility.HtmlEncode(overlay.Caption)}</figcaption></figure>";
    }

    private static string Render(SideBySide row) =>
        "<div style=\"display:flex;flex-wrap:wrap;gap:8px;align-items:flex-start\">" +
        string.Concat(row.Items.Select(i => $"<div style=\"flex:1 1 300px;min-width:0\">{HtmlOf(i)}</div>")) + "</div>";
}
