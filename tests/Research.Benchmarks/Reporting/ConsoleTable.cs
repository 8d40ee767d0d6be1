using System.Text;
using Research.Benchmarks.Harness;

namespace Research.Benchmarks.Reporting;

/// <summary>Writes the report as an aligned plain-text table.</summary>
public static class ConsoleTable
{
    /// <summary>Renders the machine description and the table.</summary>
    public static string Render(BenchmarkReport report)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in ReportRows.Machine(report)) text.Append(name).Append(": ").AppendLine(value);
        text.AppendLine();
        var rows = new List<string[]> { ReportRows.Headings.ToArray() };
        rows.AddRange(ReportRows.Rows(report));
        int[] widths = [.. Enumerable.Range(0, ReportRows.Headings.Count).Select(i => rows.Max(r => r[i].Length))];
        for (int r = 0; r < rows.Count; r++)
        {
            text.AppendLine(string.Join("  ", rows[r].Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
            if (r == 0) text.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        }
        foreach (CaseResult c in report.Cases.Where(c => c.ReferenceError is not null))
        {
            text.AppendLine().Append(c.Name).Append(": reference failed: ").AppendLine(c.ReferenceError);
        }
        return text.ToString();
    }
}
