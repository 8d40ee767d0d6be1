using Research.Imaging;

namespace Research.Plots;

/// <summary>
/// Intensity histograms of images on one common scale: samples are mapped to [0, 1] by their type's range (8-bit / 255,
/// 16-bit / 65535, float by the image's own minimum and maximum, int32 likewise), then counted in equal bins.
/// </summary>
public static class IntensityHistogram
{
    /// <summary>The fraction of samples in each of <paramref name="bins"/> equal bins of [0, 1] (the last bin includes 1).</summary>
    public static double[] Fractions(IImage image, int bins = 64)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (bins < 1) throw new InputException($"Histogram bins {bins}: give at least 1.");
        double[] values = Scaled(image);
        var counts = new double[bins];
        foreach (double v in values) counts[Math.Clamp((int)(v * bins), 0, bins - 1)]++;
        for (int i = 0; i < bins; i++) counts[i] /= Math.Max(1, values.Length);
        return counts;
    }

    /// <summary>One line per named image: fraction of samples per bin, bins at their centres.</summary>
    public static Figure Of(IReadOnlyList<(string Name, IImage Image)> images, int bins = 64)
    {
        ArgumentNullException.ThrowIfNull(images);
        var centres = Enumerable.Range(0, bins).Select(i => (i + 0.5) / bins).ToArray();
        return Figure.Create("Intensity histograms", "intensity (scaled to [0, 1] by the pixel type's range)", "fraction of samples",
            images.Select(n => new ScatterTrace(centres, Fractions(n.Image, bins), n.Name)));
    }

    private static double[] Scaled(IImage image) => image switch
    {
        Image<byte> b => [.. b.Data.Select(v => v / 255.0)],
        Image<ushort> u => [.. u.Data.Select(v => v / 65535.0)],
        Image<float> f => MinMax([.. f.Data.Select(v => (double)v)]),
        Image<int> n => MinMax([.. n.Data.Select(v => (double)v)]),
        _ => throw new InputException($"Histogram: pixel type {image.PixelType} is not supported."),
    };

    private static double[] MinMax(double[] values)
    {
        if (values.Length == 0) return values;
        double min = values.Min(), max = values.Max();
        return max > min ? [.. values.Select(v => (v - min) / (max - min))] : new double[values.Length];
    }
}
