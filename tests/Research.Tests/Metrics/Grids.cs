using Research.Metrics;

namespace Research.Tests.Metrics;

/// <summary>Tiny label images written as rows of numbers.</summary>
internal static class Grids
{
    public static LabelImage Parse(params string[] rows)
    {
        var cells = rows.Select(r => r.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray()).ToArray();
        return new LabelImage(cells[0].Length, cells.Length, [.. cells.SelectMany(c => c)]);
    }

    public static ContingencyTable Table(LabelImage truth, LabelImage prediction) => ContingencyBuilder.Build("t", truth, prediction);

    public static ImageMetrics Measure(LabelImage truth, LabelImage prediction, EvaluationOptions? options = null) =>
        ImageMetrics.Of(new LabelPair("t", truth, prediction), options ?? new EvaluationOptions());
}
