namespace Research.Randomness;

/// <summary>
/// A small, fast, seeded pseudo-random generator (xoshiro256**, state seeded by SplitMix64) whose sequence is
/// fixed by this code rather than by the runtime, so the same seed gives the same numbers on every .NET version.
/// Not thread-safe: give each worker its own instance, derived with <see cref="Derive"/>.
/// </summary>
public sealed class SeededRandom
{
    private ulong _s0, _s1, _s2, _s3;
    private double? _spareNormal;

    /// <summary>Creates a generator from a seed.</summary>
    public SeededRandom(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    /// <summary>
    /// A generator for stream <paramref name="stream"/> of <paramref name="seed"/> (for example one per image):
    /// independent of how many other streams are used, so item 7 is the same whether 10 or 1000 are made.
    /// </summary>
    public static SeededRandom Derive(ulong seed, ulong stream)
    {
        ulong x = seed ^ 0x9E3779B97F4A7C15UL;
        ulong mixedSeed = SplitMix64(ref x);
        ulong y = stream + 0xD1B54A32D192ED03UL;
        return new SeededRandom(mixedSeed ^ SplitMix64(ref y));
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform double in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public double Uniform(double min, double max) => min + (max - min) * NextDouble();

    /// <summary>A uniform integer in [<paramref name="min"/>, <paramref name="maxExclusive"/>), without modulo bias.</summary>
    public int NextInt(int min, int maxExclusive)
    {
        if (maxExclusive <= min) throw new ArgumentOutOfRangeException(nameof(maxExclusive), $"Empty range [{min}, {maxExclusive}).");
        ulong range = (ulong)((long)maxExclusive - min);
        ulong limit = ulong.MaxValue - ulong.MaxValue % range;
        ulong r;
        do { r = NextUInt64(); } while (r >= limit);
        return (int)((long)min + (long)(r % range));
    }

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => NextDouble() < p;

    /// <summary>A standard normal deviate (Marsaglia's polar method).</summary>
    public double Normal()
    {
        if (_spareNormal is double spare)
        {
            _spareNormal = null;
            return spare;
        }
        double u, v, s;
        do
        {
            u = 2 * NextDouble() - 1;
            v = 2 * NextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double factor = Math.Sqrt(-2 * Math.Log(s) / s);
        _spareNormal = v * factor;
        return u * factor;
    }

    /// <summary>A normal deviate with the given mean and standard deviation.</summary>
    public double Normal(double mean, double std) => mean + std * Normal();

    /// <summary>
    /// A Poisson deviate with mean <paramref name="lambda"/>: exact (multiplication method) below 30,
    /// the rounded normal approximation N(lambda, lambda) from 30 up (relative error of the variance below 2 %).
    /// </summary>
    public int Poisson(double lambda)
    {
        if (lambda <= 0) return 0;
        if (lambda < 30)
        {
            double limit = Math.Exp(-lambda);
            double product = NextDouble();
            int k = 0;
            while (product > limit)
            {
                k++;
                product *= NextDouble();
            }
            return k;
        }
        return Math.Max(0, (int)Math.Round(lambda + Math.Sqrt(lambda) * Normal()));
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix64(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
