using Research.Plots;

namespace Research.Torch.Sam.FineTuning;

/// <summary>The figures of a fine-tuning run's <c>metrics.csv</c>: losses and validation SEG/DET per epoch (epoch 0 = the base model).</summary>
public static class SamFineTuneFigures
{
    /// <summary>Training loss (from epoch 1) and validation loss (from epoch 0) per epoch.</summary>
    public static Figure Loss(IReadOnlyList<SamEpochRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var trained = rows.Where(r => !double.IsNaN(r.TrainLoss)).ToList();
        return Figure.Create("Fine-tuning: loss (epoch 0 = base model)", "epoch", "loss",
            Curve(trained, r => r.TrainLoss, "train loss"), Curve(rows, r => r.ValLoss, "validation loss"));
    }

    /// <summary>Validation CTC SEG and DET per epoch (true boxes as prompts).</summary>
    public static Figure Scores(IReadOnlyList<SamEpochRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var layout = new FigureLayout("Fine-tuning: validation SEG and DET (epoch 0 = base model)", new Axis("epoch"), new Axis("score") { Range = (0, 1.02) });
        return Figure.Create(layout, Curve(rows, r => r.ValSeg, "SEG"), Curve(rows, r => r.ValDet, "DET"));
    }

    private static ScatterTrace Curve(IReadOnlyList<SamEpochRow> rows, Func<SamEpochRow, double> value, string name) =>
        new([.. rows.Select(r => (double)r.Epoch)], [.. rows.Select(value)], name) { Mode = ScatterMode.LinesAndMarkers };
}
