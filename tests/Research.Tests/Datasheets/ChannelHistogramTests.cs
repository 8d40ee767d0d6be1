using FsCheck.Xunit;
using Research.Datasheets;

namespace Research.Tests.Datasheets;

public sealed class ChannelHistogramTests
{
    [Fact]
    public void Statistics_of_a_hand_computed_case()
    {
        // Values 0, 10, 10, 20: mean 10; population variance (100 + 0 + 0 + 100) / 4 = 50; median (10 + 10) / 2 = 10.
        // 0.5th percentile: rank 0.005 * 3 = 0.015 between 0 and 10 -> 0.15; 99.5th: rank 2.985 between 10 and 20 -> 19.85.
        var h = new ChannelHistogram(8);
        foreach (int v in new[] { 0, 10, 10, 20 }) h.Add(v);
        IntensityStats s = h.Stats();
        Assert.Equal(4, s.Pixels);
        Assert.Equal(10, s.Mean, 12);
        Assert.Equal(Math.Sqrt(50), s.Std, 12);
        Assert.Equal((0, 20), (s.Min, s.Max));
        Assert.Equal(0.15, s.P0_5, 12);
        Assert.Equal(19.85, s.P99_5, 12);
        Assert.Equal(10, h.Median(), 12);
    }

    [Property(MaxTest = 200)]
    public bool Percentiles_equal_linear_interpolation_on_the_sorted_values(byte[] values, byte percentByte)
    {
        if (values.Length == 0) return true;
        double p = percentByte / 255.0 * 100;
        var h = new ChannelHistogram(8);
        foreach (byte v in values) h.Add(v);
        var sorted = values.Select(v => (double)v).Order().ToArray();
        double rank = p / 100 * (sorted.Length - 1);
        int lo = (int)Math.Floor(rank);
        double expected = sorted[lo] + (rank - lo) * (sorted[Math.Min(lo + 1, sorted.Length - 1)] - sorted[lo]);
        return Math.Abs(h.Percentile(p) - expected) < 1e-9;
    }

    [Fact]
    public void Merged_histograms_count_both()
    {
        var a = new ChannelHistogram(16);
        var b = new ChannelHistogram(16);
        a.Add(65535);
        b.Add(3, 2);
        a.Add(b);
        Assert.Equal(3, a.Total);
        Assert.Equal((3, 65535), (a.Stats().Min, a.Stats().Max));
        Assert.Throws<ArgumentException>(() => a.Add(new ChannelHistogram(8)));
    }
}
