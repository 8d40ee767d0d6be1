using System.Globalization;

namespace Research.Metrics;

/// <summary>One row of a training run's <c>metrics.csv</c> (written by the trainer, read by the learning-curve plots).</summary>
/// <param name="Epoch">The epoch, 1-based.</param>
/// <param name="TrainLoss">Mean training loss over the epoch's batches.</param>
/// <param name="ValidationLoss">Mean validation loss over the validation images.</param>
/// <param name="ValidationDice">Dice of the thresholded predictions (logit above 0, or foreground class) over all validation pixels (micro); 1 when both are empty.</param>
/// <param name="ValidationIou">IoU (Jaccard) likewise.</param>
/// <param name="LearningRate">The learning rate used in the epoch.</param>
/// <param name="Seconds">Wall-clock seconds of the epoch (training and validation).</param>
public sealed record EpochMetrics(int Epoch, double TrainLoss, double ValidationLoss, double ValidationDice, double ValidationIou, double LearningRate, double Seconds)
{
    /// <summary>The CSV header.</summary>
    public const string Header = "epoch,train_loss,val_loss,val_dice,val_iou,lr,seconds";

    /// <summary>The row in invariant culture (round-trip precision, seconds to milliseconds).</summary>
    public string ToCsv()
    {
        var c = CultureInfo.InvariantCulture;
        return string.Join(',', Epoch.ToString(c), TrainLoss.ToString("R", c), ValidationLoss.ToString("R", c), ValidationDice.ToString("R", c),
            ValidationIou.ToString("R", c), LearningRate.ToString("R", c), Seconds.ToString("F3", c));
    }

    /// <summary>Parses a row written by <see cref="ToCsv"/>.</summary>
    public static EpochMetrics Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var f = line.Split(',');
        var c = CultureInfo.InvariantCulture;
        if (f.Length != 7) throw new InputException($"metrics.csv: the row '{line}' has {f.Length} fields, expected 7 ({Header}).");
        return new EpochMetrics(int.Parse(f[0], c), double.Parse(f[1], c), double.Parse(f[2], c), double.Parse(f[3], c), double.Parse(f[4], c), double.Parse(f[5], c), double.Parse(f[6], c));
    }
}
