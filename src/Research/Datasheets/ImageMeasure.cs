using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Research.Imaging;

namespace Research.Datasheets;

/// <summary>What <see cref="ImageMeasure"/> found in one image's pixels.</summary>
/// <param name="Mode">Colour mode.</param>
/// <param name="BitDepth">Bits per value.</param>
/// <param name="Group">Modality group.</param>
/// <param name="Mean">Mean grey value.</param>
/// <param name="Median">Median grey value.</param>
/// <param name="PixelHash">SHA-256 of width, height, channels and the pixel bytes.</param>
public sealed record ImageFacts(ColourMode Mode, int BitDepth, ImageGroup Group, double Mean, double Median, string PixelHash);

/// <summary>
/// Measures one image's pixels: colour mode, grey or colour content, the grey value's mean and median, the modality
/// group (<see cref="ModalityRule"/>), and adds each channel's values to the dataset histograms. The grey value is
/// channel 0 for grey content and the rounded-down mean of R, G and B for colour content.
/// </summary>
public static class ImageMeasure
{
    /// <summary>Measures <paramref name="image"/>, adding its histograms to <paramref name="into"/>.</summary>
    public static ImageFacts Measure(IImage image, CompositionAccumulator into)
    {
        ArgumentNullException.ThrowIfNull(into);
        return image switch
        {
            Image<byte> b => Measure(b, 8, b.Data.AsSpan(), into),
            Image<ushort> s => Measure(s, 16, s.Data.AsSpan(), into),
            Image<float> f => Wide(f, Array.ConvertAll(f.Data, v => (double)v)),
            Image<int> i => Wide(i, Array.ConvertAll(i.Data, v => (double)v)),
            _ => throw new ArgumentException($"Unsupported image {image}.", nameof(image)),
        };
    }

    private static ImageFacts Measure<T>(IImage image, int depth, ReadOnlySpan<T> data, CompositionAccumulator into) where T : unmanaged
    {
        int c = image.Channels, n = image.Width * image.Height;
        ColourMode mode = ModalityRule.ModeOf(c);
        IReadOnlyList<string> names = ModalityRule.ChannelNames(mode, c);
        var perChannel = new long[c][];
        for (int k = 0; k < c; k++) perChannel[k] = new long[1 << depth];
        bool colourChannels = c >= 3;
        bool grey = true;
        ReadOnlySpan<byte> bytes = MemoryMarshal.AsBytes(data);
        for (int i = 0; i < n; i++)
        {
            int at = i * c;
            for (int k = 0; k < c; k++) perChannel[k][Value(data, at + k, depth)]++;
            if (colourChannels && grey)
            {
                int r = Value(data, at, depth);
                grey = r == Value(data, at + 1, depth) && r == Value(data, at + 2, depth);
            }
        }
        for (int k = 0; k < c; k++)
        {
            ChannelHistogram h = into.Channel(depth, names[k]);
            long[] counts = perChannel[k];
            for (int v = 0; v < counts.Length; v++) if (counts[v] != 0) h.Add(v, counts[v]);
        }
        var greyHistogram = new ChannelHistogram(depth);
        if (grey || !colourChannels) for (int v = 0; v < perChannel[0].Length; v++) greyHistogram.Add(v, perChannel[0][v]);
        else for (int i = 0; i < n; i++) greyHistogram.Add((Value(data, i * c, depth) + Value(data, i * c + 1, depth) + Value(data, i * c + 2, depth)) / 3);
        var stats = greyHistogram.Stats();
        double median = greyHistogram.Median();
        ImageGroup group = ModalityRule.Classify(grey, median, depth);
        long[] byGroup = into.Grey(group);
        for (int v = 0; v < greyHistogram.Counts.Length; v++) byGroup[depth == 8 ? v : v >> 8] += greyHistogram.Counts[v];
        return new ImageFacts(mode, depth, group, stats.Mean, median, Hash(image, bytes));
    }

    private static int Value<T>(ReadOnlySpan<T> data, int index, int depth) where T : unmanaged =>
        depth == 8 ? MemoryMarshal.AsBytes(data)[index] : MemoryMarshal.Cast<T, ushort>(data)[index];

    private static ImageFacts Wide(IImage image, double[] values)
    {
        int c = image.Channels, n = image.Width * image.Height;
        var grey = new double[n];
        for (int i = 0; i < n; i++) grey[i] = values[i * c];
        Array.Sort(grey);
        double median = n == 0 ? double.NaN : grey[n / 2], max = n == 0 ? 0 : grey[^1];
        ImageGroup group = median < ModalityRule.DarkMedianFraction * max ? ImageGroup.GreyDark : ImageGroup.GreyLight;
        return new ImageFacts(ModalityRule.ModeOf(c), 32, group, n == 0 ? double.NaN : grey.Average(), median,
            Hash(image, MemoryMarshal.AsBytes(values.AsSpan())));
    }

    private static string Hash(IImage image, ReadOnlySpan<byte> pixels)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<int> header = [image.Width, image.Height, image.Channels, (int)image.PixelType];
        sha.AppendData(MemoryMarshal.AsBytes(header));
        sha.AppendData(pixels);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
