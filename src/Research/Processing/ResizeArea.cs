using Research.Imaging;

namespace Research.Processing;

/// <summary>
/// Shrinking by area (OpenCV's INTER_AREA with both scales at least 1): each destination pixel is the mean of the source
/// pixels its footprint [x * scale, (x + 1) * scale) covers, partial pixels weighted by the covered fraction. Integer
/// factors take OpenCV's fast path: block sum x (1 / area) in float, rounded half to even (8-bit 2 x 2: (sum + 2) >> 2).
/// </summary>
internal static class ResizeArea
{
    public static Image<T> Apply<T>(Image<T> image, int width, int height) where T : unmanaged
    {
        double scaleX = (double)image.Width / width, scaleY = (double)image.Height / height;
        int ix = (int)Math.Round(scaleX), iy = (int)Math.Round(scaleY);
        bool integer = Math.Abs(scaleX - ix) < double.Epsilon && Math.Abs(scaleY - iy) < double.Epsilon;
        int c = image.Channels;
        if (integer && image is Image<byte> bytes) return (Image<T>)(object)ByteBlocks(bytes, width, height, ix, iy);
        var source = SampleConversion.ToFloat(image);
        float[] result = integer ? Blocks(source, image.Width, c, width, height, ix, iy, image is Image<byte>)
                                 : Weighted(source, image.Width, image.Height, c, width, height, scaleX, scaleY);
        return SampleConversion.FromFloat<T>(result, width, height, c);
    }

    private static float[] Blocks(float[] source, int srcW, int c, int width, int height, int ix, int iy, bool bytes)
    {
        var result = new float[width * height * c];
        float scale = 1f / (ix * iy);
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                for (int k = 0; k < c; k++)
                {
                    float sum = 0;
                    for (int dy = 0; dy < iy; dy++)
                    {
                        for (int dx = 0; dx < ix; dx++) sum += source[((y * iy + dy) * srcW + x * ix + dx) * c + k];
                    }
                    result[(y * width + x) * c + k] = bytes && ix == 2 && iy == 2 ? ((int)sum + 2) >> 2 : sum * scale;
                }
            }
        }
        return result;
    }

    private static Image<byte> ByteBlocks(Image<byte> image, int width, int height, int ix, int iy)
    {
        int c = image.Channels, srcRow = image.Width * c;
        var result = new Image<byte>(width, height, c);
        var sums = new int[width * c];
        float scale = 1f / (ix * iy);
        byte[] src = image.Data;
        for (int y = 0; y < height; y++)
        {
            Array.Clear(sums);
            for (int dy = 0; dy < iy; dy++)
            {
                int offset = (y * iy + dy) * srcRow;
                for (int x = 0; x < width; x++)
                {
                    for (int k = 0; k < c; k++)
                    {
                        int sum = 0, start = offset + x * ix * c + k;
                        for (int dx = 0; dx < ix; dx++) sum += src[start + dx * c];
                        sums[x * c + k] += sum;
                    }
                }
            }
            var dst = result.Row(y);
            for (int i = 0; i < dst.Length; i++)
            {
                dst[i] = ix == 2 && iy == 2 ? (byte)((sums[i] + 2) >> 2) : (byte)Math.Clamp(MathF.Round(sums[i] * scale), 0, 255);
            }
        }
        return result;
    }

    /// <summary>Per destination index: the covered source indices and their weights (fractions of the footprint).</summary>
    private static (int Index, float Weight)[][] Footprints(int source, int destination, double scale)
    {
        var table = new (int, float)[destination][];
        for (int d = 0; d < destination; d++)
        {
            double start = d * scale, end = Math.Min(start + scale, source);
            var taps = new List<(int, float)>();
            for (int s = (int)Math.Floor(start); s < end; s++)
            {
                double covered = Math.Min(s + 1, end) - Math.Max(s, start);
                if (covered > 1e-9) taps.Add((s, (float)(covered / (end - start))));
            }
            table[d] = [.. taps];
        }
        return table;
    }

    private static float[] Weighted(float[] source, int srcW, int srcH, int c, int width, int height, double scaleX, double scaleY)
    {
        var xt = Footprints(srcW, width, scaleX);
        var yt = Footprints(srcH, height, scaleY);
        var result = new float[width * height * c];
        var row = new float[width * c];
        for (int y = 0; y < height; y++)
        {
            Array.Clear(row);
            foreach (var (sy, wy) in yt[y])
            {
                for (int x = 0; x < width; x++)
                {
                    foreach (var (sx, wx) in xt[x])
                    {
                        for (int k = 0; k < c; k++) row[x * c + k] += wy * wx * source[(sy * srcW + sx) * c + k];
                    }
                }
            }
            row.CopyTo(result, y * width * c);
        }
        return result;
    }
}
