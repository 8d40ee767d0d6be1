using System.Globalization;

namespace Research.Torch.Sam.FineTuning;

/// <summary>
/// One row of a fine-tuning run's <c>metrics.csv</c>. Epoch 0 is the base checkpoint before any training (no training
/// loss), so the file shows validation SEG and DET before and after fine-tuning.
/// </summary>
/// <param name="Epoch">Epochs completed (0: the base model).</param>
/// <param name="TrainLoss">Mean training loss per frame of the epoch (NaN for epoch 0).</param>
/// <param name="ValLoss">Mean validation loss per frame (true boxes, no jitter).</param>
/// <param name="ValSeg">CTC SEG of the validation frames prompted with their true boxes.</param>
/// <param name="ValDet">CTC DET of the same.</param>
/// <param name="LearningRate">The learning rate.</param>
/// <param name="Seconds">Wall-clock seconds of the epoch (training and validation).</param>
public sealed record SamEpochRow(int Epoch, double TrainLoss, double ValLoss, double ValSeg, double ValDet, double LearningRate, double Seconds)
{
    /// <summary>The header line.</summary>
    public const string Header = "epoch,train_loss,val_loss,val_seg,val_det,lr,seconds";

    /// <summary>The CSV line (invariant culture; an empty train_loss for epoch 0).</summary>
    public string ToCsv()
    {
        static string F(double v) => double.IsNaN(v) ? "" : v.ToString("R", CultureInfo.InvariantCulture);
        return string.Join(',', Epoch.ToString(CultureInfo.InvariantCulture), F(TrainLoss), F(ValLoss), F(ValSeg), F(ValDet), F(LearningRate), Seconds.ToString("F1", CultureInfo.InvariantCulture));
    }

    /// <summary>Parses a line written by <see cref="ToCsv"/>.</summary>
    /// <exception cref="InputException">The line has another shape.</exception>
    public static SamEpochRow Parse(string line, string path)
    {
        ArgumentNullException.ThrowIfNull(line);
        var f = line.Split(',');
        static double D(string s) => s.Length == 0 ? double.NaN : double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
        try
        {
            if (f.Length != 7) throw new FormatException($"{f.Length} fields instead of 7");
            return new SamEpochRow(int.Parse(f[0], CultureInfo.InvariantCulture), D(f[1]), D(f[2]), D(f[3]), D(f[4]), D(f[5]), D(f[6]));
        }
        catch (FormatException e)
        {
            throw new InputException($"{path}: the row '{line}' is not a fine-tuning metrics row ({e.Message}).", e);
        }
    }

    /// <summary>Reads a metrics file (no rows when it does not exist).</summary>
    public static List<SamEpochRow> Read(string path)
    {
        if (!File.Exists(path)) return [];
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0] != Header) throw new InputException($"{path}: the header is not '{Header}'.");
        return [.. lines.Skip(1).Where(l => l.Length > 0).Select(l => Parse(l, path))];
    }

    /// <summary>Writes the rows atomically.</summary>
    public static void Write(string path, IEnumerable<SamEpochRow> rows) =>
        Research.IO.AtomicFile.WriteAllText(path, Header + "\n" + string.Concat(rows.Select(r => r.ToCsv() + "\n")));
}
