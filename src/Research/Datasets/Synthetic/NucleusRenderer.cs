using Research.Imaging;
using Research.Processing;
using Research.Processing.Labels;
using Research.Randomness;

namespace Research.Datasets.Synthetic;

/// <summary>
/// The rendering shared by the synthetic generators (<see cref="SyntheticNucleiGenerator"/> and
/// <see cref="SyntheticTimelapseWriter"/>): nuclei painted into a label map, a fluorescence-like intensity image
/// rendered from it, and that image quantised with shot and read noise. The algorithm is documented on
/// <see cref="SyntheticNucleiGenerator"/>.
/// </summary>
internal static class NucleusRenderer
{
    /// <summary>
    /// Gives each pixel to the covering nucleus whose normalised distance is smallest (label k + 1 for nuclei[k], 0 for
    /// background) and removes each label's stray pieces so that every object is one 4-connected piece. Returns the
    /// labels and the normalised distance of each pixel from its nucleus' centre.
    /// </summary>
    public static (int[] Labels, float[] Distance) Paint(IReadOnlyList<Nucleus> nuclei, int size)
    {
        var labels = new int[size * size];
        var distance = new float[size * size];
        Array.Fill(distance, float.PositiveInfinity);
        for (int k = 0; k < nuclei.Count; k++)
        {
            var nucleus = nuclei[k];
            double reach = nucleus.BoundingRadius + 1;
            int x0 = Math.Max(0, (int)(nucleus.CenterX - reach)), x1 = Math.Min(size - 1, (int)(nucleus.CenterX + reach));
            int y0 = Math.Max(0, (int)(nucleus.CenterY - reach)), y1 = Math.Min(size - 1, (int)(nucleus.CenterY + reach));
            for (int y = y0; y <= y1; y++)
            {
                for (int x = x0; x <= x1; x++)
                {
                    double d = nucleus.NormalisedDistance(x, y);
                    int i = y * size + x;
                    if (d <= 1 && d < distance[i])
                    {
                        distance[i] = (float)d;
                        labels[i] = k + 1;
                    }
                }
            }
        }
        LabelComponents.KeepLargestPiece(labels, size, size, Connectivity.Four);
        return (labels, distance);
    }

    /// <summary>
    /// Renders the noiseless intensity of a label map: background, gradient and slow variation, nuclei brighter towards
    /// the centre (<paramref name="brightness"/>[label]) with texture and grain, then a Gaussian blur.
    /// </summary>
    public static float[] Render(SeededRandom rng, int[] labels, float[] distance, double[] brightness, int size)
    {
        double background = rng.Uniform(0.02, 0.07);
        double gradientX = rng.Uniform(-0.03, 0.03), gradientY = rng.Uniform(-0.03, 0.03);
        var slow = new ValueNoise(rng, size, size, size / 3.0);
        var texture = new ValueNoise(rng, size, size, 3.0);
        var grain = new ValueNoise(rng, size, size, 1.5);
        var intensity = new float[size * size];
        for (int y = 0; y < size; y++)
        {
            for (int x = 0; x < size; x++)
            {
                int i = y * size + x;
                double value = background + gradientX * ((double)x / size - 0.5) + gradientY * ((double)y / size - 0.5)
                               + 0.015 * slow.At(x, y);
                int label = labels[i];
                if (label > 0)
                {
                    double d = distance[i];
                    double profile = 0.78 + 0.22 * (1 - d * d);
                    value += brightness[label] * profile * (1 + 0.15 * texture.At(x, y) + 0.07 * grain.At(x, y));
                }
                intensity[i] = (float)value;
            }
        }
        GaussianBlur.Apply(intensity, size, size, rng.Uniform(0.7, 1.4));
        return intensity;
    }

    /// <summary>Poisson shot noise and Gaussian read noise, quantised to <paramref name="depth"/>.</summary>
    public static IImage Quantise(SeededRandom rng, float[] intensity, int size, SampleDepth depth)
    {
        double photons = rng.Uniform(80, 400);
        double maxValue = depth == SampleDepth.Sixteen ? 65535 : 255;
        var values = new double[intensity.Length];
        for (int i = 0; i < intensity.Length; i++)
        {
            double expected = Math.Max(0, intensity[i]) * photons;
            double measured = rng.Poisson(expected) / photons + rng.Normal(0, 0.004);
            values[i] = Math.Clamp(Math.Round(measured * maxValue), 0, maxValue);
        }
        if (depth == SampleDepth.Sixteen)
        {
            var image16 = new Image<ushort>(size, size, 1);
            for (int i = 0; i < values.Length; i++) image16.Data[i] = (ushort)values[i];
            return image16;
        }
        var image8 = new Image<byte>(size, size, 1);
        for (int i = 0; i < values.Length; i++) image8.Data[i] = (byte)values[i];
        return image8;
    }
}
