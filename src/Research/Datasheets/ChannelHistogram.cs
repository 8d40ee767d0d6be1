namespace Research.Datasheets;

/// <summary>
/// Counts of each value of one channel (256 bins for 8-bit, 65,536 for 16-bit), so that statistics over a whole
/// dataset need memory bounded by the bit depth, not by the number of pixels. Not thread-safe; merge per-thread
/// histograms with <see cref="Add(ChannelHistogram)"/>.
/// </summary>
public sealed class ChannelHistogram
{
    /// <summary>Creates an empty histogram for values of <paramref name="bitDepth"/> bits (8 or 16).</summary>
    public ChannelHistogram(int bitDepth)
    {
        if (bitDepth is not (8 or 16)) throw new ArgumentOutOfRangeException(nameof(bitDepth), bitDepth, "8 or 16");
        BitDepth = bitDepth;
        Counts = new long[1 << bitDepth];
    }

    /// <summary>8 or 16.</summary>
    public int BitDepth { get; }

    /// <summary>Count of each value.</summary>
    public long[] Counts { get; }

    /// <summary>Number of values counted.</summary>
    public long Total { get; private set; }

    /// <summary>Counts one value.</summary>
    public void Add(int value)
    {
        Counts[value]++;
        Total++;
    }

    /// <summary>Adds <paramref name="count"/> occurrences of <paramref name="value"/>.</summary>
    public void Add(int value, long count)
    {
        Counts[value] += count;
        Total += count;
    }

    /// <summary>Adds every count of <paramref name="other"/> (same bit depth).</summary>
    public void Add(ChannelHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.BitDepth != BitDepth) throw new ArgumentException($"bit depth {other.BitDepth} differs from {BitDepth}", nameof(other));
        for (int v = 0; v < Counts.Length; v++) Counts[v] += other.Counts[v];
        Total += other.Total;
    }

    /// <summary>Mean, standard deviation (population), minimum, maximum and the 0.5th and 99.5th percentiles.</summary>
    public IntensityStats Stats()
    {
        if (Total == 0) return new IntensityStats(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        double sum = 0, sumSquares = 0;
        int min = -1, max = 0;
        for (int v = 0; v < Counts.Length; v++)
        {
            long n = Counts[v];
            if (n == 0) continue;
            if (min < 0) min = v;
            max = v;
            sum += (double)n * v;
            sumSquares += (double)n * v * v;
        }
        double mean = sum / Total;
        double std = Math.Sqrt(Math.Max(0, sumSquares / Total - mean * mean));
        return new IntensityStats(Total, mean, std, min, max, Percentile(0.5), Percentile(99.5));
    }

    /// <summary>
    /// The <paramref name="percent"/>th percentile by NumPy's default (linear interpolation between the values at
    /// ranks floor and ceil of <c>p/100 * (n-1)</c>, ranks counted from 0 in sorted order).
    /// </summary>
    public double Percentile(double percent)
    {
        if (Total == 0) return double.NaN;
        double rank = percent / 100.0 * (Total - 1);
        long lower = (long)Math.Floor(rank);
        double fraction = rank - lower;
        int low = ValueAtRank(lower), high = fraction > 0 ? ValueAtRank(lower + 1) : low;
        return low + fraction * (high - low);
    }

    /// <summary>The median (50th percentile).</summary>
    public double Median() => Percentile(50);

    private int ValueAtRank(long rank)
    {
        long seen = 0;
        for (int v = 0; v < Counts.Length; v++)
        {
            seen += Counts[v];
            if (seen > rank) return v;
        }
        return Counts.Length - 1;
    }
}

/// <summary>Intensity statistics of one channel over the pixels counted.</summary>
/// <param name="Pixels">Values counted.</param>
/// <param name="Mean">Mean.</param>
/// <param name="Std">Population standard deviation.</param>
/// <param name="Min">Smallest value.</param>
/// <param name="Max">Largest value.</param>
/// <param name="P0_5">0.5th percentile (linear interpolation, as NumPy).</param>
/// <param name="P99_5">99.5th percentile (linear interpolation, as NumPy).</param>
public sealed record IntensityStats(long Pixels, double Mean, double Std, double Min, double Max, double P0_5, double P99_5);
