using System.Text;
using Research.Benchmarks.Harness;

namespace Research.Benchmarks.Reporting;

/// <summary>Writes the report as Markdown: the machine as a list, the results as a table.</summary>
public static class MarkdownReport
{
    /// <summary>Renders the report.</summary>
    public static string Render(BenchmarkReport report)
    {
        var text = new StringBuilder();
        text.AppendLine("# Benchmark results").AppendLine();
        foreach (var (name, value) in ReportRows.Machine(report)) text.Append("- ").Append(name).Append(": ").AppendLine(value);
        text.AppendLine();
        text.AppendLine(Row(ReportRows.Headings));
        text.AppendLine(Row(ReportRows.Headings.Select(_ => "---")));
        foreach (string[] row in ReportRows.Rows(report)) text.AppendLine(Row(row));
        text.AppendLine();
        text.AppendLine("Times are the median of the measured runs, the minimum in brackets; ours/ref compares medians.");
        foreach (CaseResult c in report.Cases)
        {
            text.AppendLine().Append("- `").Append(c.Name).Append("`: ").Append(c.Counts.Warmup).Append(" warm-up + ")
                .Append(c.Counts.Repeats).Append(" measured runs");
            foreach (var (name, value) in c.Fixture) text.Append("; ").Append(name).Append(' ').Append(value);
            if (c.OursPeakRssMiB is double ours) text.Append(System.Globalization.CultureInfo.InvariantCulture, $"; peak RSS ours {ours:0} MiB");
            if (c.ReferencePeakRssMiB is double theirs) text.Append(System.Globalization.CultureInfo.InvariantCulture, $", reference {theirs:0} MiB");
            if (c.ReferenceError is not null) text.Append("; reference failed: ").Append(c.ReferenceError);
            text.AppendLine();
        }
        return text.ToString();
    }

    private static string Row(IEnumerable<string> cells) => "| " + string.Join(" | ", cells.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))) + " |";
}
