namespace Research.Benchmarks.Harness;

/// <summary>One row: our timing against one reference timing.</summary>
/// <param name="Label">The reference's display name.</param>
/// <param name="Reference">The reference timing, or null when there is no reference or it failed.</param>
/// <param name="Ratio">Ours / reference, from the medians; null without a reference timing.</param>
/// <param name="Target">What the row must achieve.</param>
/// <param name="Verdict">Whether it does.</param>
/// <param name="Agrees">Whether our output's fingerprint equals the reference's; null when either is not reported.</param>
public sealed record ComparisonResult(string Label, Timing? Reference, double? Ratio, Target Target, Verdict Verdict, bool? Agrees);

/// <summary>The outcome of one case; the peaks are resident memory (VmHWM, MiB) of our process during our runs and of the reference script's process.</summary>
public sealed record CaseResult(
    string Name,
    string What,
    RunCounts Counts,
    Timing Ours,
    string? OursFingerprint,
    IReadOnlyList<ComparisonResult> Comparisons,
    IReadOnlyDictionary<string, string> Fixture,
    string? ReferenceError,
    double? OursPeakRssMiB = null,
    double? ReferencePeakRssMiB = null);

/// <summary>Everything one run of the harness measured.</summary>
public sealed record BenchmarkReport(
    DateTimeOffset Started,
    bool Quick,
    MachineInfo Machine,
    IReadOnlyDictionary<string, string> ReferenceVersions,
    IReadOnlyList<CaseResult> Cases)
{
    /// <summary>True when every reference ran, every target is met and no output disagrees with its reference.</summary>
    public bool Passed => Cases.All(c => c.ReferenceError is null && c.Comparisons.All(r =>
        r.Verdict is Verdict.Met or Verdict.NoTarget && r.Agrees != false));
}
