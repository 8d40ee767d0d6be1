using Research.Imaging;

namespace Research.Augmentation.Random;

/// <summary>
/// Geometric resampling (the functional core of the random geometric transforms): each output pixel (x, y) reads the
/// source at a mapped position; bilinear for float images, nearest for masks and labels; outside the source reads 0.
/// </summary>
public static class Warp
{
    /// <summary>
    /// The inverse affine map of a rotation by <paramref name="degrees"/> counter-clockwise, scale, shear (degrees) and
    /// translation (pixels) about the image centre ((W - 1) / 2, (H - 1) / 2): output position to source position.
    /// </summary>
    public static double[] InverseAffine(int width, int height, double degrees, double scale, double shearDegrees, double tx, double ty)
    {
        double a = -degrees * Math.PI / 180, sh = Math.Tan(shearDegrees * Math.PI / 180);
        // forward: p' = R(a) * Sh * S * (p - c) + c + t, with y pointing down so counter-clockwise on screen is a negative angle.
        double m00 = scale * Math.Cos(a), m01 = scale * (Math.Cos(a) * sh - Math.Sin(a));
        double m10 = scale * Math.Sin(a), m11 = scale * (Math.Sin(a) * sh + Math.Cos(a));
        double det = m00 * m11 - m01 * m10;
        double i00 = m11 / det, i01 = -m01 / det, i10 = -m10 / det, i11 = m00 / det;
        double cx = (width - 1) / 2.0, cy = (height - 1) / 2.0;
        // source = Inv * (p' - c - t) + c
        return [i00, i01, cx - i00 * (cx + tx) - i01 * (cy + ty), i10, i11, cy - i10 * (cx + tx) - i11 * (cy + ty)];
    }

    /// <summary>Resamples <paramref name="image"/> through the 2 x 3 inverse map <paramref name="m"/> (bilinear).</summary>
    public static Image<float> AffineBilinear(Image<float> image, double[] m) =>
        Map(image, (x, y) => (m[0] * x + m[1] * y + m[2], m[3] * x + m[4] * y + m[5]), nearest: false);

    /// <summary>Resamples any image through the 2 x 3 inverse map <paramref name="m"/> with nearest neighbour (masks, labels).</summary>
    public static IImage AffineNearest(IImage image, double[] m) =>
        MapAny(image, (x, y) => (m[0] * x + m[1] * y + m[2], m[3] * x + m[4] * y + m[5]));

    /// <summary>Resamples with a displacement field: output (x, y) reads source (x + dx, y + dy).</summary>
    public static Func<int, int, (double, double)> Field(float[] dx, float[] dy, int width) =>
        (x, y) => (x + dx[y * width + x], y + dy[y * width + x]);

    /// <summary>Resamples a float image through <paramref name="map"/>; bilinear or nearest.</summary>
    public static Image<float> Map(Image<float> image, Func<int, int, (double X, double Y)> map, bool nearest)
    {
        int w = image.Width, h = image.Height, c = image.Channels;
        var result = new Image<float>(w, h, c);
        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
            {
                var (sx, sy) = map(x, y);
                for (int k = 0; k < c; k++) result.Data[(y * w + x) * c + k] = nearest ? Nearest(image, sx, sy, k) : Bilinear(image, sx, sy, k);
            }
        }
        return result;
    }

    /// <summary>Resamples an image of any sample type through <paramref name="map"/> with nearest neighbour.</summary>
    public static IImage MapAny(IImage image, Func<int, int, (double X, double Y)> map) => image switch
    {
        Image<byte> b => MapNearest(b, map),
        Image<ushort> s => MapNearest(s, map),
        Image<int> n => MapNearest(n, map),
        Image<float> f => MapNearest(f, map),
        _ => throw new ArgumentException($"Unsupported image {image}.", nameof(image)),
    };

    private static Image<T> MapNearest<T>(Image<T> image, Func<int, int, (double X, double Y)> map) where T : unmanaged
    {
        int w = image.Width, h = image.Height, c = image.Channels;
        var result = new Image<T>(w, h, c);
        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
            {
                var (sx, sy) = map(x, y);
                int ix = (int)Math.Round(sx, MidpointRounding.AwayFromZero), iy = (int)Math.Round(sy, MidpointRounding.AwayFromZero);
                if ((uint)ix >= (uint)w || (uint)iy >= (uint)h) continue;
                for (int k = 0; k < c; k++) result.Data[(y * w + x) * c + k] = image.Data[(iy * w + ix) * c + k];
            }
        }
        return result;
    }

    private static float Nearest(Image<float> image, double sx, double sy, int k)
    {
        int ix = (int)Math.Round(sx, MidpointRounding.AwayFromZero), iy = (int)Math.Round(sy, MidpointRounding.AwayFromZero);
        return (uint)ix < (uint)image.Width && (uint)iy < (uint)image.Height ? image.Data[(iy * image.Width + ix) * image.Channels + k] : 0f;
    }

    private static float Bilinear(Image<float> image, double sx, double sy, int k)
    {
        int x0 = (int)Math.Floor(sx), y0 = (int)Math.Floor(sy);
        double fx = sx - x0, fy = sy - y0;
        double v00 = At(image, x0, y0, k), v10 = At(image, x0 + 1, y0, k), v01 = At(image, x0, y0 + 1, k), v11 = At(image, x0 + 1, y0 + 1, k);
        return (float)((v00 * (1 - fx) + v10 * fx) * (1 - fy) + (v01 * (1 - fx) + v11 * fx) * fy);
    }

    private static float At(Image<float> image, int x, int y, int k) =>
        (uint)x < (uint)image.Width && (uint)y < (uint)image.Height ? image.Data[(y * image.Width + x) * image.Channels + k] : 0f;
}
