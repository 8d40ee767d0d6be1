using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Research.Benchmarks.Harness;

/// <summary>What a reference script reported (see tests/reference/benchlib.py for the format).</summary>
public sealed record ReferenceOutput(
    IReadOnlyDictionary<string, Timing> Timings,
    IReadOnlyDictionary<string, string> Fingerprints,
    IReadOnlyDictionary<string, string> Versions,
    double? PeakRssMiB = null);

/// <summary>A reference script failed; the message says how and what to do.</summary>
public sealed class ReferenceFailedException(string message) : Exception(message);

/// <summary>Runs a reference script with the Python interpreter and reads the JSON it prints.</summary>
/// <param name="Python">The interpreter; /usr/bin/python3 by default (Debian's, with python3-numpy, -opencv, -pil).</param>
/// <param name="ReferenceDirectory">The folder holding the scripts (tests/reference).</param>
/// <param name="Timeout">How long one script may run.</param>
public sealed record ReferenceRunner(string Python, string ReferenceDirectory, TimeSpan Timeout)
{
    /// <summary>Runs <paramref name="script"/> with the given run counts; throws <see cref="ReferenceFailedException"/> on failure.</summary>
    public ReferenceOutput Run(ReferenceScript script, RunCounts counts)
    {
        string path = Path.Combine(ReferenceDirectory, script.Script);
        if (!File.Exists(path)) throw new ReferenceFailedException($"{path}: the reference script does not exist.");
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(path);
        start.ArgumentList.Add("--warmup");
        start.ArgumentList.Add(counts.Warmup.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add("--repeats");
        start.ArgumentList.Add(counts.Repeats.ToString(CultureInfo.InvariantCulture));
        foreach (string argument in script.Arguments) start.ArgumentList.Add(argument);

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new ReferenceFailedException($"{Python} did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new ReferenceFailedException(
                $"{Python} could not be started ({e.Message}). Install Debian's python3 with 'bash tests/reference/install.sh' or pass --python PATH.");
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new ReferenceFailedException($"{script.Script} ran longer than {Timeout.TotalSeconds:0} s and was stopped.");
            }
            string output = stdout.Result, errors = stderr.Result.Trim();
            if (process.ExitCode != 0)
            {
                string hint = errors.Contains("ModuleNotFoundError", StringComparison.Ordinal)
                    ? " A Python package is missing: run 'bash tests/reference/install.sh' (Debian's python3-numpy, python3-opencv, python3-pil)."
                    : "";
                throw new ReferenceFailedException($"{script.Script} exited with code {process.ExitCode}: {LastLine(errors)}.{hint}");
            }
            return Parse(script.Script, output);
        }
    }

    private static ReferenceOutput Parse(string script, string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            JsonElement root = document.RootElement;
            var timings = new Dictionary<string, Timing>();
            foreach (JsonProperty p in root.GetProperty("timings").EnumerateObject())
            {
                timings[p.Name] = new Timing(
                    p.Value.GetProperty("median_ms").GetDouble(),
                    p.Value.GetProperty("min_ms").GetDouble(),
                    p.Value.GetProperty("runs").GetInt32());
            }
            double? peak = root.TryGetProperty("peak_rss_mb", out JsonElement p2) && p2.ValueKind == JsonValueKind.Number ? p2.GetDouble() : null;
            return new ReferenceOutput(timings, Strings(root, "fingerprints"), Strings(root, "versions"), peak);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new ReferenceFailedException($"{script} printed output that is not the expected JSON ({e.Message}): {Shorten(json)}");
        }
    }

    private static Dictionary<string, string> Strings(JsonElement root, string name)
    {
        var values = new Dictionary<string, string>();
        if (root.TryGetProperty(name, out JsonElement element))
        {
            foreach (JsonProperty p in element.EnumerateObject()) values[p.Name] = p.Value.ToString();
        }
        return values;
    }

    private static string LastLine(string text) =>
        text.Length == 0 ? "no error output" : text.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Trim();

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "...";
}
