using System.Globalization;
using System.Net;
using System.Text;

namespace Research.Torch.Training;

/// <summary>
/// <c>learning_curves.html</c>: a self-contained page with inline SVG charts of the losses and of validation
/// Dice/IoU per epoch (no scripts, opens offline). The Plotly figures of the plots work replace it when merged.
/// </summary>
public static class LearningCurves
{
    private const int Width = 640, Height = 300, Margin = 48;

    /// <summary>The page for the given rows.</summary>
    public static string Html(string title, IReadOnlyList<EpochMetrics> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").Append(WebUtility.HtmlEncode(title)).Append("</title>");
        html.Append("<style>body{font-family:sans-serif;margin:24px}svg{border:1px solid #ccc;margin:8px 0}</style></head><body>");
        html.Append("<h1>").Append(WebUtility.HtmlEncode(title)).Append("</h1>");
        html.Append(Chart("Loss", rows, [("train_loss", "#1f77b4", r => r.TrainLoss), ("val_loss", "#ff7f0e", r => r.ValidationLoss)]));
        html.Append(Chart("Validation scores", rows, [("val_dice", "#2ca02c", r => r.ValidationDice), ("val_iou", "#d62728", r => r.ValidationIou)]));
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static string Chart(string title, IReadOnlyList<EpochMetrics> rows, (string Name, string Colour, Func<EpochMetrics, double> Value)[] series)
    {
        var c = CultureInfo.InvariantCulture;
        var values = rows.SelectMany(r => series.Select(s => s.Value(r))).Where(double.IsFinite).ToList();
        double min = values.Count > 0 ? Math.Min(0, values.Min()) : 0, max = values.Count > 0 ? values.Max() : 1;
        if (max <= min) max = min + 1;
        int lastEpoch = Math.Max(2, rows.Count > 0 ? rows[^1].Epoch : 2);
        double X(int epoch) => Margin + (Width - 2 * Margin) * (epoch - 1) / (double)(lastEpoch - 1);
        double Y(double v) => Height - Margin - (Height - 2 * Margin) * (v - min) / (max - min);
        var svg = new StringBuilder();
        svg.Append(c, $"<h2>{title}</h2><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\">");
        svg.Append(c, $"<line x1=\"{Margin}\" y1=\"{Height - Margin}\" x2=\"{Width - Margin}\" y2=\"{Height - Margin}\" stroke=\"#000\"/>");
        svg.Append(c, $"<line x1=\"{Margin}\" y1=\"{Margin}\" x2=\"{Margin}\" y2=\"{Height - Margin}\" stroke=\"#000\"/>");
        svg.Append(c, $"<text x=\"4\" y=\"{Margin}\" font-size=\"11\">{max:G3}</text><text x=\"4\" y=\"{Height - Margin}\" font-size=\"11\">{min:G3}</text>");
        svg.Append(c, $"<text x=\"{Width / 2}\" y=\"{Height - 12}\" font-size=\"12\">epoch (1-{lastEpoch})</text>");
        for (int s = 0; s < series.Length; s++)
        {
            var (name, colour, value) = series[s];
            var points = rows.Where(r => double.IsFinite(value(r))).Select(r => string.Create(c, $"{X(r.Epoch):F1},{Y(value(r)):F1}"));
            svg.Append(c, $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{string.Join(' ', points)}\"/>");
            svg.Append(c, $"<text x=\"{Width - Margin - 90}\" y=\"{Margin + 14 * s}\" font-size=\"12\" fill=\"{colour}\">{name}</text>");
        }
        return svg.Append("</svg>").ToString();
    }
}
