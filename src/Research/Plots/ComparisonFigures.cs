using Research.Metrics;
using Research.Metrics.Comparison;

namespace Research.Plots;

/// <summary>Figures of a <see cref="ModelComparison"/>: score versus IoU threshold per model, and per-group bars.</summary>
public static class ComparisonFigures
{
    /// <summary>Each model's mean DSB2018 score_t against the IoU threshold t (one line per model).</summary>
    public static Figure ScoreVersusThreshold(ModelComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var t = Dsb2018Score.Thresholds.ToArray();
        var layout = new FigureLayout("DSB2018 score_t versus IoU threshold", new Axis("IoU threshold t (match when IoU > t)"), new Axis("mean score_t over images") { Range = (0, 1.02) });
        return Figure.Create(layout, comparison.ScoreByThreshold().Select(m => new ScatterTrace(t, m.Value, $"{m.Key} (DSB2018 {m.Value.Average():F3})") { Mode = ScatterMode.LinesAndMarkers }));
    }

    /// <summary>Each model's mean DSB2018 score per image group, side by side ("all" first; the group's image count in its label).</summary>
    public static Figure GroupBars(ModelComparison comparison, IReadOnlyDictionary<string, string> groupOf)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var rows = comparison.ByGroup(groupOf);
        var labels = rows.Select(r => r.Group).Distinct().ToList();
        string Label(string g) => $"{g} ({rows.First(r => r.Group == g).Images})";
        var layout = new FigureLayout("DSB2018 score per image group", new Axis("image group (images)"), new Axis("mean DSB2018 score") { Range = (0, 1.02) }) { BarMode = BarMode.Group };
        return Figure.Create(layout, rows.GroupBy(r => r.Model).Select(m =>
            new BarTrace([.. labels.Select(Label)], [.. labels.Select(g => m.FirstOrDefault(r => r.Group == g)?.Dsb2018 ?? 0)], m.Key)));
    }
}
