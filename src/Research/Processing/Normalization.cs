using Research.Imaging;

namespace Research.Processing;

/// <summary>How <see cref="Normalization.Apply{T}"/> maps intensities to float.</summary>
public enum NormalizationMethod
{
    /// <summary>(v - min) / (max - min): the range becomes [0, 1]; a constant image becomes 0.</summary>
    MinMax,
    /// <summary>(v - mean) / std (population std): mean 0, std 1; a constant image becomes 0.</summary>
    ZScore,
    /// <summary>Clip to the low and high percentiles (NumPy's linear percentile), then scale that range to [0, 1].</summary>
    Percentile,
}

/// <summary>Intensity normalisation to float over all samples of an image (all channels together).</summary>
public static class Normalization
{
    /// <summary>
    /// Normalises <paramref name="image"/> with <paramref name="method"/>; <paramref name="low"/> and <paramref name="high"/>
    /// are the percentiles for <see cref="NormalizationMethod.Percentile"/> (defaults 0.5 and 99.5).
    /// </summary>
    public static Image<float> Apply<T>(Image<T> image, NormalizationMethod method, double low = 0.5, double high = 99.5) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(image);
        float[] v = SampleConversion.ToFloat(image);
        switch (method)
        {
            case NormalizationMethod.MinMax:
                Scale(v, v.Min(), v.Max());
                break;
            case NormalizationMethod.ZScore:
                double mean = v.Average(x => (double)x);
                double std = Math.Sqrt(v.Average(x => (x - mean) * (x - mean)));
                for (int i = 0; i < v.Length; i++) v[i] = std > 0 ? (float)((v[i] - mean) / std) : 0f;
                break;
            default:
                if (!(low >= 0 && low < high && high <= 100)) throw new InputException($"Percentiles must satisfy 0 <= low < high <= 100, got {low} and {high}.");
                float[] sorted = (float[])v.Clone();
                Array.Sort(sorted);
                float lo = Percentile(sorted, low), hi = Percentile(sorted, high);
                for (int i = 0; i < v.Length; i++) v[i] = Math.Clamp(v[i], lo, hi);
                Scale(v, lo, hi);
                break;
        }
        return new Image<float>(image.Width, image.Height, image.Channels, v);
    }

    /// <summary>NumPy's default (linear) percentile of sorted values: position p / 100 x (n - 1), interpolated.</summary>
    public static float Percentile(ReadOnlySpan<float> sorted, double p)
    {
        if (sorted.Length == 0) throw new ArgumentException("No values.", nameof(sorted));
        double position = p / 100.0 * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Length - 1);
        double fraction = position - below;
        return (float)(sorted[below] + (sorted[above] - (double)sorted[below]) * fraction);
    }

    private static void Scale(float[] v, float min, float max)
    {
        double range = max - (double)min;
        for (int i = 0; i < v.Length; i++) v[i] = range > 0 ? (float)((v[i] - (double)min) / range) : 0f;
    }
}
