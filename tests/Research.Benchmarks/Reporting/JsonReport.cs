using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Research.Benchmarks.Harness;

namespace Research.Benchmarks.Reporting;

/// <summary>Writes the report as JSON (numbers in milliseconds, invariant format).</summary>
public static class JsonReport
{
    /// <summary>Renders the report.</summary>
    public static string Render(BenchmarkReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("started", report.Started);
            json.WriteBoolean("quick", report.Quick);
            json.WriteBoolean("passed", report.Passed);
            json.WriteStartObject("machine");
            json.WriteString("cpu", report.Machine.Cpu);
            json.WriteNumber("logical_cores", report.Machine.LogicalCores);
            json.WriteString("dotnet", report.Machine.DotNet);
            json.WriteString("os", report.Machine.OperatingSystem);
            json.WriteString("architecture", report.Machine.Architecture);
            json.WriteStartObject("reference_versions");
            foreach (var (name, version) in report.ReferenceVersions) json.WriteString(name, version);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("cases");
            foreach (CaseResult c in report.Cases) WriteCase(json, c);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteCase(Utf8JsonWriter json, CaseResult c)
    {
        json.WriteStartObject();
        json.WriteString("name", c.Name);
        json.WriteString("what", c.What);
        json.WriteNumber("warmup", c.Counts.Warmup);
        json.WriteNumber("repeats", c.Counts.Repeats);
        json.WriteStartObject("fixture");
        foreach (var (name, value) in c.Fixture) json.WriteString(name, value);
        json.WriteEndObject();
        WriteTiming(json, "ours", c.Ours);
        if (c.OursFingerprint is null) json.WriteNull("ours_fingerprint"); else json.WriteString("ours_fingerprint", c.OursFingerprint);
        if (c.ReferenceError is null) json.WriteNull("reference_error"); else json.WriteString("reference_error", c.ReferenceError);
        if (c.OursPeakRssMiB is double ours) json.WriteNumber("ours_peak_rss_mib", Math.Round(ours, 1)); else json.WriteNull("ours_peak_rss_mib");
        if (c.ReferencePeakRssMiB is double theirs) json.WriteNumber("reference_peak_rss_mib", Math.Round(theirs, 1)); else json.WriteNull("reference_peak_rss_mib");
        json.WriteStartArray("comparisons");
        foreach (ComparisonResult r in c.Comparisons)
        {
            json.WriteStartObject();
            json.WriteString("reference", r.Label);
            if (r.Reference is null) json.WriteNull("reference_timing"); else WriteTiming(json, "reference_timing", r.Reference);
            if (r.Ratio is null) json.WriteNull("ratio"); else json.WriteNumber("ratio", Math.Round(r.Ratio.Value, 4));
            json.WriteString("target", r.Target.ToString());
            json.WriteString("verdict", r.Verdict.ToString());
            if (r.Agrees is null) json.WriteNull("same_output"); else json.WriteBoolean("same_output", r.Agrees.Value);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteTiming(Utf8JsonWriter json, string name, Timing t)
    {
        json.WriteStartObject(name);
        json.WriteNumber("median_ms", Math.Round(t.MedianMs, 4));
        json.WriteNumber("min_ms", Math.Round(t.MinMs, 4));
        json.WriteNumber("runs", t.Runs);
        json.WriteEndObject();
    }
}
