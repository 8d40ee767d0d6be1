using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Research.Notebooks.Display;

namespace Research.Notebooks.Runner;

/// <summary>
/// An executed notebook as one standalone HTML page: markdown rendered, code shown, outputs as the kernel would
/// show them (HTML as it is, images, text, errors). plotly.js is inlined once in the head (AMD-safe), so every
/// figure draws offline and next to require.js.
/// </summary>
public static class HtmlExport
{
    private const string Style =
        "body{font-family:sans-serif;margin:1.5em auto;max-width:1150px;padding:0 1em}" +
        "pre{background:#f6f8fa;padding:.6em;overflow-x:auto;font-size:.85em}" +
        "pre.source{border-left:3px solid #4a7bd0}pre.stderr,pre.error{background:#fdecea;color:#8a1c1c}" +
        ".cell{margin:1em 0}.prompt{color:#888;font-size:.75em}table.research-table{border-collapse:collapse;font-size:.85em}" +
        "table.research-table td,table.research-table th{border:1px solid #ccc;padding:2px 6px;text-align:right}img{max-width:100%}";

    /// <summary>The page of an executed notebook (nbformat 4 JSON).</summary>
    public static string Render(JsonObject notebook, string title)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(WebUtility.HtmlEncode(title)).Append("</title>\n<style>").Append(Style).Append("</style>\n")
            .Append(PlotlyLoader.ScriptElement()).Append("\n</head>\n<body>\n");
        foreach (var node in notebook["cells"] as JsonArray ?? [])
        {
            if (node is not JsonObject cell) continue;
            string source = Text(cell["source"]);
            html.Append("<div class=\"cell\">\n");
            switch ((string?)cell["cell_type"])
            {
                case "markdown":
                    html.Append(NotebookFormatters.MarkdownToHtml(source));
                    break;
                case "code":
                    string count = cell["execution_count"] is JsonValue v && v.TryGetValue(out int n) ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : " ";
                    html.Append("<div class=\"prompt\">[").Append(count).Append("]</div><pre class=\"source\">").Append(WebUtility.HtmlEncode(source)).Append("</pre>\n");
                    foreach (var output in cell["outputs"] as JsonArray ?? []) AppendOutput(html, output as JsonObject);
                    break;
                default:
                    html.Append("<pre>").Append(WebUtility.HtmlEncode(source)).Append("</pre>");
                    break;
            }
            html.Append("</div>\n");
        }
        return html.Append("</body>\n</html>\n").ToString();
    }

    private static void AppendOutput(StringBuilder html, JsonObject? output)
    {
        if (output is null) return;
        switch ((string?)output["output_type"])
        {
            case "stream":
                html.Append("<pre class=\"").Append((string?)output["name"] == "stderr" ? "stderr" : "stdout").Append("\">")
                    .Append(WebUtility.HtmlEncode(Text(output["text"]))).Append("</pre>\n");
                break;
            case "error":
                html.Append("<pre class=\"error\">").Append(WebUtility.HtmlEncode(string.Join("\n", (output["traceback"] as JsonArray ?? []).Select(t => (string?)t)))).Append("</pre>\n");
                break;
            default:
                var data = output["data"] as JsonObject ?? [];
                if (data["text/html"] is { } h) html.Append(Text(h)).Append('\n');
                else if (data["image/png"] is { } png) html.Append("<img src=\"data:image/png;base64,").Append(Text(png).Trim()).Append("\"/>\n");
                else if (data["text/plain"] is { } t) html.Append("<pre>").Append(WebUtility.HtmlEncode(Text(t))).Append("</pre>\n");
                break;
        }
    }

    private static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        _ => (string?)node ?? "",
    };
}
