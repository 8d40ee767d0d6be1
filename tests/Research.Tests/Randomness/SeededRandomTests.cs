using Research.Randomness;

namespace Research.Tests.Randomness;

public sealed class SeededRandomTests
{
    // Values printed by tests/reference/xoshiro_reference.py, an independent Python implementation.
    [Theory]
    [InlineData(0UL, 0x99ec5f36cb75f2b4UL, 0xbf6e1f784956452aUL, 0x1a5f849d4933e6e0UL)]
    [InlineData(42UL, 0x15780b2e0c2ec716UL, 0x6104d9866d113a7eUL, 0xae17533239e499a1UL)]
    [InlineData(ulong.MaxValue, 0x8f5520d52a7ead08UL, 0xc476a018caa1802dUL, 0x81de31c0d260469eUL)]
    public void Matches_the_reference_xoshiro256_starstar(ulong seed, ulong first, ulong second, ulong third)
    {
        var rng = new SeededRandom(seed);
        Assert.Equal(first, rng.NextUInt64());
        Assert.Equal(second, rng.NextUInt64());
        Assert.Equal(third, rng.NextUInt64());
    }

    [Fact]
    public void Derived_streams_differ_from_each_other_and_repeat_exactly()
    {
        var a = SeededRandom.Derive(7, 0);
        var b = SeededRandom.Derive(7, 1);
        var a2 = SeededRandom.Derive(7, 0);
        ulong first = a.NextUInt64();
        Assert.NotEqual(first, b.NextUInt64());
        Assert.Equal(first, a2.NextUInt64());
    }

    [Fact]
    public void NextInt_stays_in_range_and_hits_every_value()
    {
        var rng = new SeededRandom(1);
        var seen = new int[7];
        for (int i = 0; i < 7000; i++) seen[rng.NextInt(3, 10) - 3]++;
        Assert.All(seen, count => Assert.InRange(count, 850, 1150)); // expected 1000 each
    }

    [Fact]
    public void Normal_and_poisson_have_the_right_moments()
    {
        var rng = new SeededRandom(5);
        const int n = 200_000;
        double sum = 0, sumSq = 0, poissonSmall = 0, poissonLarge = 0, poissonLargeSq = 0;
        for (int i = 0; i < n; i++)
        {
            double z = rng.Normal();
            sum += z;
            sumSq += z * z;
            poissonSmall += rng.Poisson(3.5);
            int k = rng.Poisson(120);
            poissonLarge += k;
            poissonLargeSq += (double)k * k;
        }
        Assert.InRange(sum / n, -0.01, 0.01);
        Assert.InRange(sumSq / n, 0.98, 1.02);
        Assert.InRange(poissonSmall / n, 3.45, 3.55);
        double mean = poissonLarge / n;
        Assert.InRange(mean, 119.8, 120.2);
        Assert.InRange(poissonLargeSq / n - mean * mean, 115, 125);
    }
}
