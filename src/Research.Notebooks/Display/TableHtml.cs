using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Data.Analysis;
using Research.Metrics;

namespace Research.Notebooks.Display;

/// <summary>HTML tables for DataFrames and metric summaries.</summary>
public static class TableHtml
{
    /// <summary>Rows shown of a DataFrame before "... n more rows". <value>The default value is 25.</value></summary>
    public const int MaxRows = 25;

    /// <summary>The class of every table (tests and the exporter look for it).</summary>
    public const string TableClass = "research-table";

    /// <summary>A DataFrame as a table: the first <see cref="MaxRows"/> rows, numbers with 4 significant decimals.</summary>
    public static string Render(DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var html = new StringBuilder($"<table class=\"{TableClass}\"><thead><tr>");
        foreach (var column in frame.Columns) html.Append("<th>").Append(WebUtility.HtmlEncode(column.Name)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        long shown = Math.Min(frame.Rows.Count, MaxRows);
        for (long r = 0; r < shown; r++)
        {
            html.Append("<tr>");
            foreach (var column in frame.Columns) html.Append("<td>").Append(WebUtility.HtmlEncode(Cell(column[r]))).Append("</td>");
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
        string more = frame.Rows.Count > shown ? $", first {shown} shown" : "";
        html.Append($"<p><small>{frame.Rows.Count} rows x {frame.Columns.Count} columns{more}</small></p>");
        return html.ToString();
    }

    /// <summary>The headline numbers of an evaluation, one metric per row.</summary>
    public static string Render(EvaluationSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var rows = new List<(string, string)>
        {
            ("images", summary.Images.ToString(CultureInfo.InvariantCulture)),
            ("DSB2018 score (mean over images)", F(summary.Dsb2018Score)),
            ("pixel IoU / Dice (micro)", $"{F(summary.Pixel.Iou)} / {F(summary.Pixel.Dice)}"),
            ("pixel precision / recall (micro)", $"{F(summary.Pixel.Precision)} / {F(summary.Pixel.Recall)}"),
            ("pixel IoU / Dice (macro)", $"{F(summary.PixelMacro.Iou)} / {F(summary.PixelMacro.Dice)}"),
        };
        foreach (var (tau, m) in summary.Matching)
        {
            rows.Add(($"matching IoU > {tau}: TP / FP / FN", $"{m.Tp} / {m.Fp} / {m.Fn}"));
            rows.Add(($"matching IoU > {tau}: precision / recall / F1 / PQ", $"{F(m.Precision)} / {F(m.Recall)} / {F(m.F1)} / {F(m.Pq)}"));
        }
        rows.Add(("CTC SEG / DET", $"{F(summary.Ctc.Seg)} / {F(summary.Ctc.Det)}"));
        rows.Add(("counting MAE / MedAE / MPE %", $"{F(summary.Counting.Mae)} / {F(summary.Counting.Medae)} / {F(summary.Counting.Mpe)}"));
        rows.Add(("centroid precision / recall / F1", $"{F(summary.Centroid.Precision)} / {F(summary.Centroid.Recall)} / {F(summary.Centroid.F1)}"));
        rows.Add(("boundary HD95 px / NSD", summary.BoundaryComputed ? $"{F(summary.Boundary.Hd95)} / {F(summary.Boundary.Nsd)}" : "not computed"));
        var html = new StringBuilder($"<table class=\"{TableClass}\"><thead><tr><th>metric</th><th>value</th></tr></thead><tbody>");
        foreach (var (name, value) in rows)
        {
            html.Append("<tr><td>").Append(WebUtility.HtmlEncode(name)).Append("</td><td>").Append(WebUtility.HtmlEncode(value)).Append("</td></tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    private static string F(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Cell(object? value) => value switch
    {
        null => "",
        double d => d.ToString("0.####", CultureInfo.InvariantCulture),
        float f => f.ToString("0.####", CultureInfo.InvariantCulture),
        IFormattable x => x.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
