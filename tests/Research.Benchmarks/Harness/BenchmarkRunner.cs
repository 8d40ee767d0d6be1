namespace Research.Benchmarks.Harness;

/// <summary>Runs the selected cases: fixtures, our timing, the reference script, the verdicts.</summary>
public sealed class BenchmarkRunner(ReferenceRunner references, TextWriter progress)
{
    /// <summary>Runs <paramref name="cases"/> with full or quick run counts.</summary>
    public BenchmarkReport Run(IReadOnlyList<IBenchmarkCase> cases, bool quick)
    {
        var started = DateTimeOffset.UtcNow;
        var versions = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var results = new List<CaseResult>();
        foreach (IBenchmarkCase benchmark in cases)
        {
            results.Add(RunCase(benchmark, quick ? benchmark.QuickCounts : benchmark.FullCounts, versions));
        }
        return new BenchmarkReport(started, quick, MachineInfo.Current(), versions, results);
    }

    private CaseResult RunCase(IBenchmarkCase benchmark, RunCounts counts, IDictionary<string, string> versions)
    {
        string work = Path.Combine(Path.GetTempPath(), $"research-bench-{benchmark.Name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        try
        {
            progress.WriteLine($"{benchmark.Name}: preparing fixtures in {work}");
            CasePlan plan = benchmark.Prepare(new CaseContext(work));
            progress.WriteLine($"{benchmark.Name}: ours, {counts.Warmup} warm-up + {counts.Repeats} runs");
            PeakMemory.Reset();
            Timing ours = Timing.Measure(plan.Ours, counts);
            double? oursPeak = PeakMemory.PeakMiB();
            string? fingerprint = plan.OursFingerprint?.Invoke();
            var inProcess = new Dictionary<string, Timing>(StringComparer.Ordinal);
            foreach (var (key, action) in plan.InProcessReferences ?? new Dictionary<string, Action>())
            {
                progress.WriteLine($"{benchmark.Name}: in-process reference {key}, {counts.Warmup} warm-up + {counts.Repeats} runs");
                inProcess[key] = Timing.Measure(action, counts);
            }

            ReferenceOutput? reference = null;
            string? error = null;
            if (plan.Reference is not null)
            {
                progress.WriteLine($"{benchmark.Name}: reference {plan.Reference.Script} with {references.Python}");
                try
                {
                    reference = references.Run(plan.Reference, counts);
                    foreach (var (name, version) in reference.Versions) versions[name] = version;
                }
                catch (ReferenceFailedException e)
                {
                    error = e.Message;
                    progress.WriteLine($"{benchmark.Name}: reference failed: {error}");
                }
            }
            if (inProcess.Count > 0)
            {
                var timings = new Dictionary<string, Timing>(reference?.Timings ?? new Dictionary<string, Timing>());
                foreach (var (key, timing) in inProcess) timings[key] = timing;
                reference = new ReferenceOutput(timings, reference?.Fingerprints ?? new Dictionary<string, string>(),
                    reference?.Versions ?? new Dictionary<string, string>(), reference?.PeakRssMiB);
            }
            var rows = plan.Comparisons.Select(c => Compare(c, ours, fingerprint, reference)).ToList();
            return new CaseResult(benchmark.Name, benchmark.What, counts, ours, fingerprint, rows, plan.Fixture, error, oursPeak, reference?.PeakRssMiB);
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static ComparisonResult Compare(Comparison comparison, Timing ours, string? fingerprint, ReferenceOutput? reference)
    {
        Timing? theirs = null;
        bool? agrees = null;
        if (comparison.Key is not null && reference is not null)
        {
            if (!reference.Timings.TryGetValue(comparison.Key, out theirs))
            {
                throw new InvalidOperationException(
                    $"The reference script reported no timing '{comparison.Key}'; it reported: {string.Join(", ", reference.Timings.Keys)}.");
            }
            if (fingerprint is not null && reference.Fingerprints.TryGetValue(comparison.Key, out string? expected))
            {
                agrees = expected == fingerprint;
            }
        }
        double? ratio = theirs is null ? null : ours.MedianMs / theirs.MedianMs;
        return new ComparisonResult(comparison.Label, theirs, ratio, comparison.Target, comparison.Target.Judge(ours, theirs), agrees);
    }
}
