using System.Globalization;

namespace Research.Benchmarks.Harness;

/// <summary>What a comparison must achieve. <see cref="None"/> makes it informational.</summary>
public abstract record Target
{
    /// <summary>No target: the row is informational and never fails the run.</summary>
    public static Target None { get; } = new NoTarget();

    /// <summary>Ours / reference (medians) must be at most <paramref name="ratio"/>.</summary>
    public static Target RatioAtMost(double ratio) => new RatioTarget(ratio);

    /// <summary>Our median must be at most <paramref name="limit"/>; needs no reference.</summary>
    public static Target OursAtMost(TimeSpan limit) => new DurationTarget(limit);

    /// <summary>Judges a measured comparison.</summary>
    public abstract Verdict Judge(Timing ours, Timing? reference);

    private sealed record NoTarget : Target
    {
        public override Verdict Judge(Timing ours, Timing? reference) => Verdict.NoTarget;

        public override string ToString() => "none";
    }

    private sealed record RatioTarget(double Ratio) : Target
    {
        public override Verdict Judge(Timing ours, Timing? reference) =>
            reference is null ? Verdict.NotMeasured
            : ours.MedianMs / reference.MedianMs <= Ratio ? Verdict.Met : Verdict.NotMet;

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"ratio <= {Ratio:0.###}");
    }

    private sealed record DurationTarget(TimeSpan Limit) : Target
    {
        public override Verdict Judge(Timing ours, Timing? reference) =>
            ours.MedianMs <= Limit.TotalMilliseconds ? Verdict.Met : Verdict.NotMet;

        public override string ToString() => Limit.TotalSeconds >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"ours <= {Limit.TotalSeconds:0.###} s")
            : string.Create(CultureInfo.InvariantCulture, $"ours <= {Limit.TotalMilliseconds:0.###} ms");
    }
}

/// <summary>The outcome of a comparison against its <see cref="Target"/>.</summary>
public enum Verdict
{
    /// <summary>The comparison has no target (informational).</summary>
    NoTarget,
    /// <summary>The target is met.</summary>
    Met,
    /// <summary>The target is not met; the run exits with code 1.</summary>
    NotMet,
    /// <summary>The target needs the reference timing, which could not be measured; the run exits with code 1.</summary>
    NotMeasured,
}
