using Research.Imaging;

namespace Research.Benchmarks.Fixtures;

/// <summary>
/// A deterministic, natural-looking RGB test image: smooth colour gradients, soft Gaussian blobs (cell-like)
/// and mild Gaussian noise, all drawn from a seeded generator. It compresses like a real photograph or
/// micrograph does: neither flat (trivially compressible) nor white noise (incompressible).
/// </summary>
public static class NaturalImage
{
    /// <summary>Creates a <paramref name="width"/> x <paramref name="height"/> RGB image; the same seed gives the same pixels.</summary>
    public static Image<byte> Create(int width, int height, int seed, int blobs = 60, double noiseSigma = 3.0)
    {
        var random = new Random(seed);
        var field = new double[width * height * 3];
        AddGradients(field, width, height, random);
        for (int i = 0; i < blobs; i++) AddBlob(field, width, height, random);

        var image = new Image<byte>(width, height, 3);
        Span<byte> pixels = image.Span;
        for (int i = 0; i < field.Length; i++)
        {
            double value = field[i] + noiseSigma * Gaussian(random);
            pixels[i] = (byte)Math.Clamp((int)Math.Round(value), 0, 255);
        }
        return image;
    }

    private static void AddGradients(double[] field, int width, int height, Random random)
    {
        // Per channel: a base level plus a linear ramp in a random direction plus one slow wave.
        for (int c = 0; c < 3; c++)
        {
            double level = 60 + 60 * random.NextDouble();
            double angle = 2 * Math.PI * random.NextDouble();
            double slope = 50 * random.NextDouble();
            double waveLength = 200 + 400 * random.NextDouble();
            double waveAmplitude = 15 * random.NextDouble();
            double dx = Math.Cos(angle), dy = Math.Sin(angle);
            for (int y = 0; y < height; y++)
            {
                for (int x = 0; x < width; x++)
                {
                    double u = (dx * x / width) + (dy * y / height);
                    double wave = Math.Sin(2 * Math.PI * (x + 0.5 * y) / waveLength);
                    field[((y * width) + x) * 3 + c] = level + (slope * u) + (waveAmplitude * wave);
                }
            }
        }
    }

    private static void AddBlob(double[] field, int width, int height, Random random)
    {
        double cx = width * random.NextDouble(), cy = height * random.NextDouble();
        double sigma = 6 + 40 * random.NextDouble();
        double[] colour = [random.Next(-80, 120), random.Next(-80, 120), random.Next(-80, 120)];
        int reach = (int)Math.Ceiling(3 * sigma);
        int x0 = Math.Max(0, (int)cx - reach), x1 = Math.Min(width - 1, (int)cx + reach);
        int y0 = Math.Max(0, (int)cy - reach), y1 = Math.Min(height - 1, (int)cy + reach);
        double scale = -1.0 / (2 * sigma * sigma);
        for (int y = y0; y <= y1; y++)
        {
            for (int x = x0; x <= x1; x++)
            {
                double d2 = ((x - cx) * (x - cx)) + ((y - cy) * (y - cy));
                double weight = Math.Exp(d2 * scale);
                int at = ((y * width) + x) * 3;
                for (int c = 0; c < 3; c++) field[at + c] += weight * colour[c];
            }
        }
    }

    private static double Gaussian(Random random)
    {
        double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
