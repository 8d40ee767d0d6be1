using System.Globalization;
using Research.Metrics;

namespace Research.Plots;

/// <summary>Learning curves from a training run's <c>metrics.csv</c> (columns epoch,train_loss,val_loss,val_dice,val_iou,lr,seconds).</summary>
public static class LearningCurves
{
    private static readonly string[] Columns = ["epoch", "train_loss", "val_loss", "val_dice", "val_iou", "lr", "seconds"];

    /// <summary>Reads metrics.csv; a wrong header or value throws <see cref="InputException"/> naming the file and line.</summary>
    public static IReadOnlyList<EpochMetrics> Read(string path)
    {
        if (!File.Exists(path)) throw new InputException($"{path}: file not found; give the metrics.csv of a training run.");
        using var reader = new StreamReader(path);
        return Read(reader, path);
    }

    /// <summary>Reads metrics.csv from <paramref name="reader"/>; <paramref name="name"/> names it in errors.</summary>
    public static IReadOnlyList<EpochMetrics> Read(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        string? header = reader.ReadLine();
        var names = header?.Split(',').Select(h => h.Trim()).ToArray() ?? [];
        var index = Columns.Select(c => Array.IndexOf(names, c)).ToArray();
        if (index.Any(i => i < 0))
        {
            throw new InputException($"{name}: line 1 must name the columns {string.Join(",", Columns)}; found '{header}'.");
        }
        var rows = new List<EpochMetrics>();
        int line = 1;
        for (string? text = reader.ReadLine(); text is not null; text = reader.ReadLine())
        {
            line++;
            if (text.Length == 0) continue;
            var cells = text.Split(',');
            double Cell(int k)
            {
                int i = index[k];
                if (i >= cells.Length || !double.TryParse(cells[i], NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
                {
                    throw new InputException($"{name}: line {line}, column {Columns[k]}: '{(i < cells.Length ? cells[i] : "")}' is not a number.");
                }
                return v;
            }
            rows.Add(new EpochMetrics((int)Cell(0), Cell(1), Cell(2), Cell(3), Cell(4), Cell(5), Cell(6)));
        }
        return rows;
    }

    /// <summary>Training and validation loss per epoch.</summary>
    public static Figure Loss(IReadOnlyList<EpochMetrics> epochs)
    {
        ArgumentNullException.ThrowIfNull(epochs);
        return Figure.Create("Learning curves: loss", "epoch", "loss",
            Curve(epochs, e => e.TrainLoss, "train loss"), Curve(epochs, e => e.ValidationLoss, "validation loss"));
    }

    /// <summary>The page <c>learning_curves.html</c>: both figures, self-contained (plotly.js inlined once).</summary>
    public static string Html(string title, IReadOnlyList<EpochMetrics> epochs) =>
        OfflineHtml.Render(title, [new FigureBlock(Loss(epochs)), new FigureBlock(Scores(epochs))]);

    /// <summary>Validation Dice and IoU per epoch.</summary>
    public static Figure Scores(IReadOnlyList<EpochMetrics> epochs)
    {
        ArgumentNullException.ThrowIfNull(epochs);
        var layout = new FigureLayout("Learning curves: validation scores", new Axis("epoch"), new Axis("score") { Range = (0, 1.02) });
        return Figure.Create(layout, Curve(epochs, e => e.ValidationDice, "validation Dice"), Curve(epochs, e => e.ValidationIou, "validation IoU"));
    }

    private static ScatterTrace Curve(IReadOnlyList<EpochMetrics> epochs, Func<EpochMetrics, double> value, string name) =>
        new([.. epochs.Select(e => (double)e.Epoch)], [.. epochs.Select(value)], name) { Mode = ScatterMode.LinesAndMarkers };
}
