using Research.Imaging;

namespace Research.Processing;

/// <summary>
/// Pillow's bilinear resize of 8-bit images (<c>Image.resize(size, Image.BILINEAR)</c>, the convolution resampler of
/// Pillow 7+), bit for bit: the triangle filter widened by the scale when shrinking (so shrinking averages, as
/// antialiasing does), coefficients per output pixel normalised to sum 1 and rounded to 22-bit fixed point, a horizontal
/// pass then a vertical pass, each rounded and clamped to 0-255; a pass whose size does not change is skipped. This is
/// the resize Segment Anything's <c>ResizeLongestSide.apply_image</c> uses (torchvision's PIL path).
/// </summary>
public static class ResizePil
{
    private const int PrecisionBits = 32 - 8 - 2;

    /// <summary>Resizes <paramref name="image"/> (any channel count) to <paramref name="width"/> x <paramref name="height"/>.</summary>
    public static Image<byte> Bilinear(Image<byte> image, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        var current = image;
        if (width != image.Width) current = Horizontal(current, width);
        if (height != image.Height) current = Vertical(current, height);
        return ReferenceEquals(current, image) ? new Image<byte>(image.Width, image.Height, image.Channels, (byte[])image.Data.Clone()) : current;
    }

    private static Image<byte> Horizontal(Image<byte> source, int width)
    {
        var (bounds, coefficients, size) = Coefficients(source.Width, width);
        int c = source.Channels;
        var result = new Image<byte>(width, source.Height, c);
        byte[] src = source.Data, dst = result.Data;
        for (int y = 0; y < source.Height; y++)
        {
            int row = y * source.Width * c;
            for (int x = 0; x < width; x++)
            {
                int min = bounds[2 * x], count = bounds[2 * x + 1], k0 = x * size;
                for (int ch = 0; ch < c; ch++)
                {
                    int sum = 1 << (PrecisionBits - 1);
                    for (int i = 0; i < count; i++) sum += src[row + (min + i) * c + ch] * coefficients[k0 + i];
                    dst[(y * width + x) * c + ch] = Clip(sum);
                }
            }
        }
        return result;
    }

    private static Image<byte> Vertical(Image<byte> source, int height)
    {
        var (bounds, coefficients, size) = Coefficients(source.Height, height);
        int c = source.Channels, rowLength = source.Width * c;
        var result = new Image<byte>(source.Width, height, c);
        byte[] src = source.Data, dst = result.Data;
        for (int y = 0; y < height; y++)
        {
            int min = bounds[2 * y], count = bounds[2 * y + 1], k0 = y * size;
            for (int j = 0; j < rowLength; j++)
            {
                int sum = 1 << (PrecisionBits - 1);
                for (int i = 0; i < count; i++) sum += src[(min + i) * rowLength + j] * coefficients[k0 + i];
                dst[y * rowLength + j] = Clip(sum);
            }
        }
        return result;
    }

    // Pillow's precompute_coeffs + normalize_coeffs_8bpc for the bilinear filter (support 1).
    private static (int[] Bounds, int[] Coefficients, int Size) Coefficients(int inSize, int outSize)
    {
        double scale = (double)inSize / outSize, filterScale = Math.Max(scale, 1.0);
        double support = 1.0 * filterScale;
        int size = (int)Math.Ceiling(support) * 2 + 1;
        var bounds = new int[outSize * 2];
        var fixedPoint = new int[outSize * size];
        var weights = new double[size];
        for (int xx = 0; xx < outSize; xx++)
        {
            double center = (xx + 0.5) * scale, total = 0, ss = 1.0 / filterScale;
            int min = Math.Max((int)(center - support + 0.5), 0);
            int max = Math.Min((int)(center + support + 0.5), inSize) - min;
            for (int x = 0; x < max; x++)
            {
                double d = Math.Abs((x + min - center + 0.5) * ss);
                weights[x] = d < 1.0 ? 1.0 - d : 0.0;
                total += weights[x];
            }
            for (int x = 0; x < max; x++)
            {
                double w = total != 0.0 ? weights[x] / total : weights[x];
                fixedPoint[xx * size + x] = w < 0 ? (int)(-0.5 + w * (1 << PrecisionBits)) : (int)(0.5 + w * (1 << PrecisionBits));
            }
            bounds[2 * xx] = min;
            bounds[2 * xx + 1] = max;
        }
        return (bounds, fixedPoint, size);
    }

    private static byte Clip(int sum)
    {
        int v = sum >> PrecisionBits;
        return (byte)(v < 0 ? 0 : v > 255 ? 255 : v);
    }
}
