using System.Globalization;
using Research.Benchmarks.Harness;

namespace Research.Benchmarks.Reporting;

/// <summary>The report as table rows of display strings, shared by the console and Markdown writers.</summary>
public static class ReportRows
{
    /// <summary>Column headings.</summary>
    public static IReadOnlyList<string> Headings { get; } =
        ["what", "ours median (min)", "reference median (min)", "ours/ref", "target", "met", "same output"];

    /// <summary>One row per comparison.</summary>
    public static IEnumerable<string[]> Rows(BenchmarkReport report) =>
        report.Cases.SelectMany(c => c.Comparisons.Select(r => new[]
        {
            $"{c.What} vs {r.Label}",
            Time(c.Ours),
            r.Reference is null ? (c.ReferenceError is null ? "-" : "failed") : Time(r.Reference),
            r.Ratio is null ? "-" : string.Create(CultureInfo.InvariantCulture, $"{r.Ratio:0.00}"),
            r.Target.ToString()!,
            Verdict(r.Verdict),
            r.Agrees switch { true => "yes", false => "NO", null => "-" },
        }));

    /// <summary>"12.3 ms (11.9)" style: median, then minimum.</summary>
    public static string Time(Timing t) => $"{Duration(t.MedianMs)} ({Duration(t.MinMs)})";

    /// <summary>A duration in ms below 10 s, otherwise in s, invariant culture.</summary>
    public static string Duration(double ms) => ms < 10_000
        ? string.Create(CultureInfo.InvariantCulture, $"{ms:0.00} ms")
        : string.Create(CultureInfo.InvariantCulture, $"{ms / 1000:0.00} s");

    /// <summary>The verdict as shown in the "met" column.</summary>
    public static string Verdict(Verdict verdict) => verdict switch
    {
        Harness.Verdict.Met => "yes",
        Harness.Verdict.NotMet => "NO",
        Harness.Verdict.NotMeasured => "not measured",
        _ => "-",
    };

    /// <summary>The machine in one line per fact.</summary>
    public static IEnumerable<(string Name, string Value)> Machine(BenchmarkReport report)
    {
        yield return ("date (UTC)", report.Started.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        yield return ("CPU", $"{report.Machine.Cpu}, {report.Machine.LogicalCores} logical cores, {report.Machine.Architecture}");
        yield return ("OS", report.Machine.OperatingSystem);
        yield return (".NET", report.Machine.DotNet);
        foreach (var (name, version) in report.ReferenceVersions) yield return (name, version);
        yield return ("runs", report.Quick ? "quick (--quick)" : "full");
    }
}
