namespace Research.Processing;

/// <summary>Separable Gaussian blur of single-channel float images.</summary>
public static class GaussianBlur
{
    /// <summary>
    /// Blurs <paramref name="pixels"/> (<paramref name="width"/> x <paramref name="height"/>, one channel) in place with
    /// a Gaussian of standard deviation <paramref name="sigma"/> pixels, truncated at 3 sigma and normalised to sum 1.
    /// Borders are mirrored without repeating the edge pixel (OpenCV's BORDER_REFLECT_101). Sigma 0 does nothing.
    /// </summary>
    public static void Apply(Span<float> pixels, int width, int height, double sigma)
    {
        if (sigma < 0) throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "Sigma must be zero or positive.");
        if (pixels.Length != width * height) throw new ArgumentException($"Expected {width * height} pixels, got {pixels.Length}.", nameof(pixels));
        if (sigma == 0) return;
        float[] kernel = Kernel(sigma);
        int radius = kernel.Length / 2;
        var line = new float[Math.Max(width, height) + 2 * radius];
        for (int y = 0; y < height; y++)
        {
            Convolve(pixels.Slice(y * width, width), 1, width, kernel, line);
        }
        var column = new float[height];
        for (int x = 0; x < width; x++)
        {
            for (int y = 0; y < height; y++) column[y] = pixels[y * width + x];
            Convolve(column, 1, height, kernel, line);
            for (int y = 0; y < height; y++) pixels[y * width + x] = column[y];
        }
    }

    /// <summary>The normalised kernel for <paramref name="sigma"/>: 2 * ceil(3 sigma) + 1 taps.</summary>
    public static float[] Kernel(double sigma)
    {
        int radius = Math.Max(1, (int)Math.Ceiling(3 * sigma));
        var kernel = new float[2 * radius + 1];
        double sum = 0;
        var weights = new double[kernel.Length];
        for (int i = -radius; i <= radius; i++)
        {
            weights[i + radius] = Math.Exp(-(i * i) / (2 * sigma * sigma));
            sum += weights[i + radius];
        }
        for (int i = 0; i < kernel.Length; i++) kernel[i] = (float)(weights[i] / sum);
        return kernel;
    }

    private static void Convolve(Span<float> data, int stride, int length, float[] kernel, float[] padded)
    {
        int radius = kernel.Length / 2;
        for (int i = 0; i < length + 2 * radius; i++)
        {
            padded[i] = data[Reflect101(i - radius, length) * stride];
        }
        for (int i = 0; i < length; i++)
        {
            float acc = 0;
            for (int k = 0; k < kernel.Length; k++) acc += kernel[k] * padded[i + k];
            data[i * stride] = acc;
        }
    }

    private static int Reflect101(int i, int length)
    {
        if (length == 1) return 0;
        while (i < 0 || i >= length)
        {
            i = i < 0 ? -i : 2 * length - 2 - i;
        }
        return i;
    }
}
