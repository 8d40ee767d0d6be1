using Research.Imaging;

namespace Research.Processing;

/// <summary>
/// Resizing with OpenCV's <c>cv2.resize</c> semantics (INTER_NEAREST, INTER_LINEAR, INTER_AREA; pixel-centre convention
/// for linear and area). Nearest is exact; 8-bit linear uses OpenCV's fixed-point arithmetic; the rest are computed in
/// floating point and agree with OpenCV within 1 grey level (golden files: tests/reference/make_resize_fixtures.py).
/// Masks and labels must use <see cref="ResizeInterpolation.Nearest"/>.
/// </summary>
public static class Resize
{
    /// <summary>The standard square sizes used by the pipelines: 128, 256 and 512 px.</summary>
    public static IReadOnlyList<int> Presets { get; } = [128, 256, 512];

    /// <summary>Resizes <paramref name="image"/> to <paramref name="width"/> x <paramref name="height"/>.</summary>
    public static Image<T> To<T>(Image<T> image, int width, int height, ResizeInterpolation interpolation) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(image);
        if (width < 1 || height < 1) throw new InputException($"Resize target must be at least 1 x 1 px, got {width} x {height}.");
        if (width == image.Width && height == image.Height) return image.Clone();
        return interpolation switch
        {
            ResizeInterpolation.Nearest => Nearest(image, width, height),
            ResizeInterpolation.NearestExact => Nearest(image, width, height, exact: true),
            ResizeInterpolation.Linear => ResizeLinear.Apply(image, width, height, area: false),
            _ => image.Width >= width && image.Height >= height
                ? ResizeArea.Apply(image, width, height)
                : ResizeLinear.Apply(image, width, height, area: true),
        };
    }

    /// <summary>Resizes by <paramref name="scale"/>: the size is round(width x scale) x round(height x scale) rounded half to even (as cv2.resize with fx, fy), at least 1 px.</summary>
    public static Image<T> ByScale<T>(Image<T> image, double scale, ResizeInterpolation interpolation) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(image);
        if (!(scale > 0) || !double.IsFinite(scale)) throw new InputException($"Resize scale must be a positive number, got {scale}.");
        return To(image, Math.Max(1, (int)Math.Round(image.Width * scale)), Math.Max(1, (int)Math.Round(image.Height * scale)), interpolation);
    }

    /// <summary>OpenCV's INTER_NEAREST: sx = min(floor(dx / (dstW / srcW)), srcW - 1), likewise for rows.</summary>
    public static Image<T> Nearest<T>(Image<T> image, int width, int height) where T : unmanaged => Nearest(image, width, height, exact: false);

    /// <summary>
    /// Nearest-neighbour resize: OpenCV INTER_NEAREST (source floor(x * srcW / dstW)) or, when <paramref name="exact"/>,
    /// INTER_NEAREST_EXACT (the nearest pixel centre; see <see cref="ResizeInterpolation.NearestExact"/>).
    /// </summary>
    public static Image<T> Nearest<T>(Image<T> image, int width, int height, bool exact) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(image);
        int c = image.Channels;
        var xs = exact ? CentreIndices(image.Width, width) : SourceIndices(image.Width, width);
        var ys = exact ? CentreIndices(image.Height, height) : SourceIndices(image.Height, height);
        var result = new Image<T>(width, height, c);
        for (int y = 0; y < height; y++)
        {
            var src = image.Row(ys[y]);
            var dst = result.Row(y);
            for (int x = 0; x < width; x++)
            {
                for (int k = 0; k < c; k++) dst[x * c + k] = src[xs[x] * c + k];
            }
        }
        return result;
    }

    /// <summary>OpenCV 4.6 resizeNN_bitexact: step ((src &lt;&lt; 16) + dst / 2) / dst, offset step / 2 - 1, then &gt;&gt; 16.</summary>
    private static int[] CentreIndices(int source, int destination)
    {
        long step = (((long)source << 16) + destination / 2) / destination;
        long offset = step / 2 - 1;
        var indices = new int[destination];
        for (int i = 0; i < destination; i++) indices[i] = (int)Math.Min((offset + i * step) >> 16, source - 1);
        return indices;
    }

    private static int[] SourceIndices(int source, int destination)
    {
        double inverse = 1.0 / ((double)destination / source); // OpenCV: ifx = 1. / inv_scale_x
        var indices = new int[destination];
        for (int i = 0; i < destination; i++) indices[i] = Math.Min((int)Math.Floor(i * inverse), source - 1);
        return indices;
    }
}
