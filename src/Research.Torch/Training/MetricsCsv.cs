using Research.Metrics;
namespace Research.Torch.Training;

/// <summary><c>RUN/metrics.csv</c>: one row per completed epoch, rewritten atomically after each epoch.</summary>
public static class MetricsCsv
{
    /// <summary>Reads the rows (none when the file does not exist).</summary>
    public static List<EpochMetrics> Read(string path)
    {
        if (!File.Exists(path)) return [];
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0] != EpochMetrics.Header) throw new InputException($"{path}: the header is not '{EpochMetrics.Header}'.");
        return lines.Skip(1).Where(l => l.Length > 0).Select(EpochMetrics.Parse).ToList();
    }

    /// <summary>Writes all rows atomically.</summary>
    public static void Write(string path, IEnumerable<EpochMetrics> rows) =>
        Research.IO.AtomicFile.WriteAllText(path, EpochMetrics.Header + "\n" + string.Concat(rows.Select(r => r.ToCsv() + "\n")));
}
