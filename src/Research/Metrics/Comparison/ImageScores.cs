using System.Globalization;
using Research.Metrics.Evaluation;

namespace Research.Metrics.Comparison;

/// <summary>One image's row of an evaluation's <c>per_image.csv</c>, the values a model comparison needs.</summary>
/// <param name="Id">The image id.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="TrueObjects">True objects.</param>
/// <param name="PredictedObjects">Predicted objects.</param>
/// <param name="Dsb2018">The image's DSB2018 score (mean over the ten thresholds).</param>
/// <param name="PerThreshold">TP / (TP + FP + FN) at IoU thresholds 0.50, 0.55, ..., 0.95.</param>
/// <param name="F1At05">F1 of the one-to-one matching at IoU 0.5.</param>
public sealed record ImageScores(string Id, int Width, int Height, int TrueObjects, int PredictedObjects, double Dsb2018, IReadOnlyList<double> PerThreshold, double F1At05);

/// <summary>Reads the rows of a <c>per_image.csv</c> written by <c>research evaluate</c> (<see cref="PerImageCsv"/>), by column name.</summary>
public static class EvaluationTable
{
    /// <summary>The rows of <paramref name="path"/>; the evaluation must have matched at IoU 0.5 (its default).</summary>
    /// <exception cref="InputException">The file is missing or lacks a needed column (named).</exception>
    public static IReadOnlyList<ImageScores> Read(string path)
    {
        if (!File.Exists(path)) throw new InputException($"{path}: no such file (an evaluation's per_image.csv, written by 'research evaluate').");
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0) throw new InputException($"{path}: empty.");
        var header = Csv.Split(lines[0]);
        int Column(string name)
        {
            int i = Array.IndexOf(header, name);
            return i >= 0 ? i : throw new InputException($"{path}: no column '{name}'; is this a per_image.csv of 'research evaluate' (with --tau 0.5)?");
        }
        int id = Column("id"), width = Column("width"), height = Column("height"), nTrue = Column("n_true"), nPred = Column("n_pred"), dsb = Column("dsb2018"), f1 = Column("match_0.5_f1");
        var thresholds = Dsb2018Score.Thresholds.Select(t => Column(string.Create(CultureInfo.InvariantCulture, $"dsb2018_t{(int)Math.Round(t * 100):000}"))).ToArray();
        var rows = new List<ImageScores>();
        for (int n = 1; n < lines.Length; n++)
        {
            if (lines[n].Length == 0) continue;
            var f = Csv.Split(lines[n]);
            if (f.Length != header.Length) throw new InputException($"{path}, row {n + 1}: {f.Length} fields, the header has {header.Length}.");
            double D(int i) => double.Parse(f[i], NumberStyles.Float, CultureInfo.InvariantCulture);
            int I(int i) => int.Parse(f[i], NumberStyles.Integer, CultureInfo.InvariantCulture);
            rows.Add(new ImageScores(f[id], I(width), I(height), I(nTrue), I(nPred), D(dsb), [.. thresholds.Select(D)], D(f1)));
        }
        return rows;
    }
}

/// <summary>The image groups of a dataset: the <c>group</c> column of a datasheet's <c>per_image.csv</c> (<c>research datasheet</c>: grey-dark, grey-light, colour; mostly fluorescence, bright-field, stained tissue).</summary>
public static class ImageGroups
{
    /// <summary>Group by image id.</summary>
    /// <exception cref="InputException">The file is missing or has no <c>id</c> or <c>group</c> column.</exception>
    public static IReadOnlyDictionary<string, string> Read(string datasheetPerImageCsv)
    {
        string path = datasheetPerImageCsv;
        if (!File.Exists(path)) throw new InputException($"{path}: no such file (a datasheet's per_image.csv, written by 'research datasheet').");
        var lines = File.ReadAllLines(path);
        var header = lines.Length > 0 ? Csv.Split(lines[0]) : [];
        int id = Array.IndexOf(header, "id"), group = Array.IndexOf(header, "group");
        if (id < 0 || group < 0) throw new InputException($"{path}: needs the columns 'id' and 'group' of a datasheet's per_image.csv.");
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var f = Csv.Split(line);
            result[f[id]] = f[group];
        }
        return result;
    }
}

/// <summary>Splitting one CSV line (RFC 4180 quotes).</summary>
internal static class Csv
{
    public static string[] Split(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { current.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else current.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(current.ToString()); current.Clear(); }
            else current.Append(c);
        }
        fields.Add(current.ToString());
        return [.. fields];
    }
}
