using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Research.Imaging;

namespace Research.Processing;

/// <summary>
/// Contrast-limited adaptive histogram equalisation with OpenCV 4.6's semantics (<c>cv2.createCLAHE(clipLimit,
/// tileGridSize).apply</c>, imgproc/src/clahe.cpp), for one-channel 8- and 16-bit images:
/// <list type="number">
/// <item>When the size is not divisible by the grid, the image is padded at the bottom and right with BORDER_REFLECT_101
/// by tilesY - H % tilesY rows and tilesX - W % tilesX columns (OpenCV pads both, even if one side divides).</item>
/// <item>Per tile: a histogram of 256 or 65536 bins; bins above clip = max((int)(clipLimit x tileArea / bins), 1) are
/// cut to clip; the excess is spread as excess / bins to every bin, then one more to every
/// max(bins / residual, 1)-th bin from bin 0 while the residual lasts.</item>
/// <item>LUT[i] = round-half-even(cumulative[i] x (float)((bins - 1) / tileArea)), saturated.</item>
/// <item>Each pixel blends the LUTs of the four nearest tile centres bilinearly in float, tile coordinates
/// x / tileWidth - 0.5 clamped at the edges, and is rounded half to even.</item>
/// </list>
/// Single-threaded. Agreement with OpenCV is tested on golden files (tests/reference/make_clahe_fixtures.py).
/// </summary>
public static class Clahe
{
    /// <summary>CLAHE of an 8-bit grey image (a new image).</summary>
    public static Image<byte> Apply(Image<byte> image, ClaheOptions? options = null) => Run(image, options ?? new ClaheOptions(), 256);

    /// <summary>CLAHE of a 16-bit grey image (a new image), with 65536 bins as OpenCV uses.</summary>
    public static Image<ushort> Apply(Image<ushort> image, ClaheOptions? options = null) => Run(image, options ?? new ClaheOptions(), 65536);

    private static Image<T> Run<T>(Image<T> image, ClaheOptions options, int bins) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(image);
        options.Validate();
        if (image.Channels != 1) throw new InputException($"CLAHE needs a one-channel image, got {image.Channels} channels; convert to grey first.");
        int tilesX = options.TilesX, tilesY = options.TilesY;
        Image<T> forLut = image;
        if (image.Width % tilesX != 0 || image.Height % tilesY != 0)
        {
            forLut = Padding.Reflect101(image, 0, tilesY - image.Height % tilesY, 0, tilesX - image.Width % tilesX);
        }
        int tileW = forLut.Width / tilesX, tileH = forLut.Height / tilesY, tileArea = tileW * tileH;
        int clip = 0;
        if (options.ClipLimit > 0) clip = Math.Max((int)(options.ClipLimit * tileArea / bins), 1);
        float lutScale = (float)(bins - 1) / tileArea;
        var luts = new T[tilesX * tilesY * bins];
        var histogram = new int[bins];
        for (int t = 0; t < tilesX * tilesY; t++)
        {
            TileHistogram(forLut, (t % tilesX) * tileW, (t / tilesX) * tileH, tileW, tileH, histogram);
            if (clip > 0) ClipAndRedistribute(histogram, clip);
            Cumulate(histogram, lutScale, luts.AsSpan(t * bins, bins));
        }
        var result = new Image<T>(image.Width, image.Height);
        if (image is Image<byte> bytes) ClaheInterpolation.Bytes(bytes, (Image<byte>)(object)result, (byte[])(object)luts, tileW, tileH, tilesX, tilesY);
        else Interpolate(image, result, luts, bins, tileW, tileH, tilesX, tilesY);
        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Value<T>(T v) where T : unmanaged =>
        typeof(T) == typeof(byte) ? Unsafe.As<T, byte>(ref v) : Unsafe.As<T, ushort>(ref v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Saturate<T>(float v) where T : unmanaged
    {
        int r = (int)MathF.Round(v); // cvRound: half to even
        if (typeof(T) == typeof(byte))
        {
            byte b = (byte)Math.Clamp(r, 0, 255);
            return Unsafe.As<byte, T>(ref b);
        }
        ushort s = (ushort)Math.Clamp(r, 0, 65535);
        return Unsafe.As<ushort, T>(ref s);
    }

    private static void TileHistogram<T>(Image<T> image, int left, int top, int width, int height, int[] histogram) where T : unmanaged
    {
        Array.Clear(histogram);
        ref int h0 = ref MemoryMarshal.GetArrayDataReference(histogram); // values index within 256 / 65536 bins
        for (int y = top; y < top + height; y++)
        {
            foreach (T v in image.Row(y).Slice(left, width)) Unsafe.Add(ref h0, Value(v))++;
        }
    }

    /// <summary>OpenCV's clipping: cut at <paramref name="clip"/>, spread the excess evenly, then the residual one per step.</summary>
    internal static void ClipAndRedistribute(int[] histogram, int clip)
    {
        int bins = histogram.Length, clipped = 0;
        for (int i = 0; i < bins; i++)
        {
            if (histogram[i] > clip)
            {
                clipped += histogram[i] - clip;
                histogram[i] = clip;
            }
        }
        int batch = clipped / bins, residual = clipped - batch * bins;
        for (int i = 0; i < bins; i++) histogram[i] += batch;
        if (residual != 0)
        {
            int step = Math.Max(bins / residual, 1);
            for (int i = 0; i < bins && residual > 0; i += step, residual--) histogram[i]++;
        }
    }

    private static void Cumulate<T>(int[] histogram, float scale, Span<T> lut) where T : unmanaged
    {
        int sum = 0;
        for (int i = 0; i < histogram.Length; i++)
        {
            sum += histogram[i];
            lut[i] = Saturate<T>(sum * scale);
        }
    }

    private static void Interpolate<T>(Image<T> source, Image<T> result, T[] luts, int bins, int tileW, int tileH, int tilesX, int tilesY)
        where T : unmanaged
    {
        int width = source.Width;
        var (ind1, ind2, xa, xa1) = ClaheInterpolation.Columns(width, tileW, tilesX, bins);
        float invTh = 1.0f / tileH;
        ref T lut0 = ref MemoryMarshal.GetArrayDataReference(luts);
        for (int y = 0; y < source.Height; y++)
        {
            float tyf = y * invTh - 0.5f;
            int ty1 = (int)MathF.Floor(tyf);
            float ya = tyf - ty1, ya1 = 1.0f - ya;
            ref T plane1 = ref Unsafe.Add(ref lut0, Math.Max(ty1, 0) * tilesX * bins);
            ref T plane2 = ref Unsafe.Add(ref lut0, Math.Min(ty1 + 1, tilesY - 1) * tilesX * bins);
            var src = source.Row(y);
            var dst = result.Row(y);
            for (int x = 0; x < width; x++)
            {
                int v = Value(src[x]);
                int i1 = ind1[x] + v, i2 = ind2[x] + v;
                float res = (Value(Unsafe.Add(ref plane1, i1)) * xa1[x] + Value(Unsafe.Add(ref plane1, i2)) * xa[x]) * ya1
                          + (Value(Unsafe.Add(ref plane2, i1)) * xa1[x] + Value(Unsafe.Add(ref plane2, i2)) * xa[x]) * ya;
                dst[x] = Saturate<T>(res);
            }
        }
    }
}
