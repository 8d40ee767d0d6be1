using System.Diagnostics;

namespace Research.Benchmarks.Harness;

/// <summary>How many unmeasured warm-up runs precede how many measured runs.</summary>
/// <param name="Warmup">Runs executed first and discarded (JIT, caches, allocator).</param>
/// <param name="Repeats">Runs timed one by one; the median and the minimum are reported.</param>
public sealed record RunCounts(int Warmup, int Repeats)
{
    /// <summary>The default for a full run: 3 warm-up runs, 20 measured runs.</summary>
    public static RunCounts Full { get; } = new(3, 20);

    /// <summary>The default for <c>--quick</c>: 1 warm-up run, 5 measured runs.</summary>
    public static RunCounts Quick { get; } = new(1, 5);
}

/// <summary>The result of timing one implementation: median and minimum over <see cref="Runs"/> runs, in milliseconds.</summary>
public sealed record Timing(double MedianMs, double MinMs, int Runs)
{
    /// <summary>Times <paramref name="action"/> the same way the Python reference scripts do (tests/reference/benchlib.py):
    /// <see cref="RunCounts.Warmup"/> untimed calls, then <see cref="RunCounts.Repeats"/> individually timed calls.</summary>
    public static Timing Measure(Action action, RunCounts counts)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (counts.Repeats < 1) throw new ArgumentOutOfRangeException(nameof(counts), "At least one measured run is needed.");
        for (int i = 0; i < counts.Warmup; i++) action();
        var milliseconds = new double[counts.Repeats];
        for (int i = 0; i < counts.Repeats; i++)
        {
            long start = Stopwatch.GetTimestamp();
            action();
            milliseconds[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        return FromSamples(milliseconds);
    }

    /// <summary>Median (mean of the middle two for an even count, as Python's statistics.median) and minimum.</summary>
    public static Timing FromSamples(IReadOnlyCollection<double> milliseconds)
    {
        double[] sorted = [.. milliseconds.Order()];
        if (sorted.Length == 0) throw new ArgumentException("No samples.", nameof(milliseconds));
        int mid = sorted.Length / 2;
        double median = sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        return new Timing(median, sorted[0], sorted.Length);
    }
}
