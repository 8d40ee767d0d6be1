namespace Research.Benchmarks.Harness;

/// <summary>
/// One benchmark: our implementation against a reference script, measured the same way.
/// Add a case by implementing this interface and listing it in <see cref="Cases.BenchmarkCases.All"/>.
/// </summary>
public interface IBenchmarkCase
{
    /// <summary>A short stable identifier (kebab-case), matched by <c>--filter</c> and used as the JSON key.</summary>
    string Name { get; }

    /// <summary>What is measured, for the table (for example "PNG decode 1024x1024 RGB").</summary>
    string What { get; }

    /// <summary>Warm-up and measured runs for a full run. The default is <see cref="RunCounts.Full"/>.</summary>
    RunCounts FullCounts => RunCounts.Full;

    /// <summary>Warm-up and measured runs with <c>--quick</c>. The default is <see cref="RunCounts.Quick"/>.</summary>
    RunCounts QuickCounts => RunCounts.Quick;

    /// <summary>Creates the fixtures in <see cref="CaseContext.WorkDirectory"/> and returns what to measure.</summary>
    CasePlan Prepare(CaseContext context);
}

/// <summary>What a case gets to work with.</summary>
/// <param name="WorkDirectory">An empty temporary folder for fixtures, removed after the run.</param>
public sealed record CaseContext(string WorkDirectory);

/// <summary>What to measure for one case.</summary>
/// <param name="Ours">Our implementation, called in-process; its result is kept alive only for the call.</param>
/// <param name="Reference">The Python script that times the reference implementations, or null for none.</param>
/// <param name="Comparisons">One table row each: which of the script's timings to compare with, and the target.</param>
/// <param name="Fixture">Fixture facts recorded in the results (path, size, SHA-256 ...).</param>
/// <param name="OursFingerprint">
/// Optional: a summary of our output (for example "1024x1024x3 sum=123"), compared with the fingerprint the
/// script reports for each reference, so that a fast but wrong implementation shows up in the results.
/// </param>
/// <param name="InProcessReferences">
/// Optional references measured in this process like ours (for example the bare model step that an epoch is compared
/// with), by the key a <see cref="Comparison"/> names.
/// </param>
public sealed record CasePlan(
    Action Ours,
    ReferenceScript? Reference,
    IReadOnlyList<Comparison> Comparisons,
    IReadOnlyDictionary<string, string> Fixture,
    Func<string>? OursFingerprint = null,
    IReadOnlyDictionary<string, Action>? InProcessReferences = null);

/// <summary>A Python script under tests/reference/ and its arguments (fixture paths).</summary>
/// <param name="Script">File name relative to tests/reference/, for example "png_decode.py".</param>
/// <param name="Arguments">Arguments after the harness's own --warmup and --repeats.</param>
public sealed record ReferenceScript(string Script, IReadOnlyList<string> Arguments);

/// <summary>One table row of a case.</summary>
/// <param name="Label">The reference's display name, for example "Pillow".</param>
/// <param name="Key">The key of the timing in the script's JSON "timings" object; null for a row without reference.</param>
/// <param name="Target">What the row must achieve.</param>
public sealed record Comparison(string Label, string? Key, Target Target);
