using Research.Imaging;

namespace Research.Processing;

/// <summary>
/// Two-tap separable resizing as OpenCV's resizeGeneric_: per destination column a source index and two weights
/// (pixel centres, clamped at the borders), the same for rows. 8-bit: weights as 11-bit fixed point and OpenCV's
/// vertical rounding ((b0 * (S0 >> 4) >> 16) + (b1 * (S1 >> 4) >> 16) + 2) >> 2; other types in float.
/// </summary>
internal static class ResizeLinear
{
    private const int CoefScale = 2048;

    public static Image<T> Apply<T>(Image<T> image, int width, int height, bool area) where T : unmanaged
    {
        var (xs, xw) = Taps(image.Width, width, area);
        var (ys, yw) = Taps(image.Height, height, area);
        if (image is Image<byte> bytes) return (Image<T>)(object)Bytes(bytes, width, height, xs, xw, ys, yw);
        return Floats(image, width, height, xs, xw, ys, yw);
    }

    /// <summary>Source index and the weight of the next pixel, per destination index (OpenCV's fx after border clamping).</summary>
    internal static (int[] Index, float[] Weight) Taps(int source, int destination, bool area)
    {
        double inverseScale = (double)destination / source, scale = 1.0 / inverseScale;
        var index = new int[destination];
        var weight = new float[destination];
        for (int d = 0; d < destination; d++)
        {
            int s;
            float f;
            if (!area)
            {
                f = (float)((d + 0.5) * scale - 0.5);
                s = (int)MathF.Floor(f);
                f -= s;
            }
            else
            {
                s = (int)Math.Floor(d * scale);
                f = (float)((d + 1) - (s + 1) * inverseScale);
                f = f <= 0 ? 0f : f - MathF.Floor(f);
            }
            if (s < 0) { f = 0; s = 0; }
            if (s >= source - 1) { f = 0; s = source - 1; }
            index[d] = s;
            weight[d] = f;
        }
        return (index, weight);
    }

    private static Image<byte> Bytes(Image<byte> image, int width, int height, int[] xs, float[] xw, int[] ys, float[] yw)
    {
        int c = image.Channels, srcW = image.Width;
        var ax = new short[width * 2];
        for (int i = 0; i < width; i++)
        {
            ax[2 * i] = Saturate16((1f - xw[i]) * CoefScale);
            ax[2 * i + 1] = Saturate16(xw[i] * CoefScale);
        }
        var result = new Image<byte>(width, height, c);
        int[] r0 = new int[width * c], r1 = new int[width * c];
        int held0 = -1, held1 = -1;
        for (int y = 0; y < height; y++)
        {
            int y0 = ys[y], y1 = Math.Min(y0 + 1, image.Height - 1);
            if (held0 != y0)
            {
                if (held1 == y0) (r0, r1, held0, held1) = (r1, r0, held1, held0);
                else { Horizontal(image.Row(y0), srcW, c, xs, ax, r0); held0 = y0; }
            }
            if (held1 != y1) { Horizontal(image.Row(y1), srcW, c, xs, ax, r1); held1 = y1; }
            int b0 = Saturate16((1f - yw[y]) * CoefScale), b1 = Saturate16(yw[y] * CoefScale);
            var dst = result.Row(y);
            for (int i = 0; i < dst.Length; i++)
            {
                int v = (((b0 * (r0[i] >> 4)) >> 16) + ((b1 * (r1[i] >> 4)) >> 16) + 2) >> 2;
                dst[i] = (byte)Math.Clamp(v, 0, 255);
            }
        }
        return result;
    }

    private static void Horizontal(ReadOnlySpan<byte> row, int srcW, int c, int[] xs, short[] ax, int[] line)
    {
        if (c == 1)
        {
            for (int x = 0; x < xs.Length; x++)
            {
                int s0 = xs[x];
                line[x] = row[s0] * ax[2 * x] + row[Math.Min(s0 + 1, srcW - 1)] * ax[2 * x + 1];
            }
            return;
        }
        for (int x = 0; x < xs.Length; x++)
        {
            int s0 = xs[x], s1 = Math.Min(s0 + 1, srcW - 1);
            for (int k = 0; k < c; k++) line[x * c + k] = row[s0 * c + k] * ax[2 * x] + row[s1 * c + k] * ax[2 * x + 1];
        }
    }

    private static short Saturate16(float v) => (short)Math.Clamp((int)MathF.Round(v), short.MinValue, short.MaxValue);

    private static Image<T> Floats<T>(Image<T> image, int width, int height, int[] xs, float[] xw, int[] ys, float[] yw) where T : unmanaged
    {
        int c = image.Channels, srcW = image.Width;
        var source = SampleConversion.ToFloat(image);
        var result = new float[width * height * c];
        var r0 = new float[width * c];
        var r1 = new float[width * c];
        for (int y = 0; y < height; y++)
        {
            int y0 = ys[y], y1 = Math.Min(y0 + 1, image.Height - 1);
            Row(source, y0, srcW, c, xs, xw, r0);
            Row(source, y1, srcW, c, xs, xw, r1);
            float b1 = yw[y], b0 = 1f - b1;
            for (int i = 0; i < r0.Length; i++) result[y * width * c + i] = b0 * r0[i] + b1 * r1[i];
        }
        return SampleConversion.FromFloat<T>(result, width, height, c);
    }

    private static void Row(float[] source, int y, int srcW, int c, int[] xs, float[] xw, float[] line)
    {
        int offset = y * srcW * c;
        for (int x = 0; x < xs.Length; x++)
        {
            int s0 = xs[x], s1 = Math.Min(s0 + 1, srcW - 1);
            float a1 = xw[x], a0 = 1f - a1;
            for (int k = 0; k < c; k++) line[x * c + k] = source[offset + s0 * c + k] * a0 + source[offset + s1 * c + k] * a1;
        }
    }
}
