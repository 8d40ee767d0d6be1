using Research.Imaging;
using Research.Metrics;

namespace Research.Measurements;

/// <summary>
/// What one pass over a label image gathers for every label: pixel count, bounding box, the raw moments up to order
/// two (exact integer sums of row, column, row², column² and row·column) and, when an intensity image is given, the
/// sum, minimum and maximum of each channel. Labels are kept in ascending order; a label that occurs in several
/// pieces is one object (as scikit-image's <c>regionprops</c>).
/// </summary>
public sealed class LabelMoments
{
    private LabelMoments(int count, int channels)
    {
        Labels = new int[count];
        Area = new long[count];
        MinRow = new int[count];
        MinCol = new int[count];
        MaxRow = new int[count];
        MaxCol = new int[count];
        SumRow = new long[count];
        SumCol = new long[count];
        SumRowRow = new long[count];
        SumColCol = new long[count];
        SumRowCol = new long[count];
        Channels = channels;
        IntensitySum = new double[count * channels];
        IntensityMin = new double[count * channels];
        IntensityMax = new double[count * channels];
        Array.Fill(MinRow, int.MaxValue);
        Array.Fill(MinCol, int.MaxValue);
        Array.Fill(MaxRow, -1);
        Array.Fill(MaxCol, -1);
        Array.Fill(IntensityMin, double.PositiveInfinity);
        Array.Fill(IntensityMax, double.NegativeInfinity);
    }

    /// <summary>The label values, ascending; index <c>k</c> of every other array belongs to <c>Labels[k]</c>.</summary>
    public int[] Labels { get; }

    /// <summary>Pixels per label.</summary>
    public long[] Area { get; }

    /// <summary>Top row per label.</summary>
    public int[] MinRow { get; }

    /// <summary>Leftmost column per label.</summary>
    public int[] MinCol { get; }

    /// <summary>Bottom row (inclusive) per label.</summary>
    public int[] MaxRow { get; }

    /// <summary>Rightmost column (inclusive) per label.</summary>
    public int[] MaxCol { get; }

    /// <summary>Sum of row indices per label.</summary>
    public long[] SumRow { get; }

    /// <summary>Sum of column indices per label.</summary>
    public long[] SumCol { get; }

    /// <summary>Sum of squared row indices per label.</summary>
    public long[] SumRowRow { get; }

    /// <summary>Sum of squared column indices per label.</summary>
    public long[] SumColCol { get; }

    /// <summary>Sum of row x column per label.</summary>
    public long[] SumRowCol { get; }

    /// <summary>Intensity channels (0 without an intensity image).</summary>
    public int Channels { get; }

    /// <summary>Sum of each channel's samples, index <c>label index x Channels + channel</c>.</summary>
    public double[] IntensitySum { get; }

    /// <summary>Smallest sample of each channel, indexed as <see cref="IntensitySum"/>.</summary>
    public double[] IntensityMin { get; }

    /// <summary>Largest sample of each channel, indexed as <see cref="IntensitySum"/>.</summary>
    public double[] IntensityMax { get; }

    /// <summary>Objects (distinct non-zero labels).</summary>
    public int Count => Labels.Length;

    /// <summary>Measures every label of <paramref name="labels"/>; <paramref name="intensity"/>, when given, must have the same size.</summary>
    public static LabelMoments Compute(LabelImage labels, IImage? intensity = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (intensity is not null && (intensity.Width != labels.Width || intensity.Height != labels.Height))
        {
            throw new ArgumentException($"{labels.Name}: labels are {labels.Width}x{labels.Height}, the intensity image {intensity.Width}x{intensity.Height}.", nameof(intensity));
        }
        int[] data = labels.Data;
        var (index, values) = Dense(data);
        var m = new LabelMoments(values.Length, intensity?.Channels ?? 0);
        values.CopyTo(m.Labels, 0);
        int width = labels.Width;
        for (int r = 0; r < labels.Height; r++)
        {
            int rowStart = r * width;
            for (int c = 0; c < width; c++)
            {
                int v = data[rowStart + c];
                if (v == 0) continue;
                m.AddPixel(index(v), r, c);
            }
        }
        if (intensity is not null) m.AddIntensities(data, index, intensity);
        return m;
    }

    private void AddPixel(int k, int r, int c)
    {
        Area[k]++;
        if (r < MinRow[k]) MinRow[k] = r;
        if (r > MaxRow[k]) MaxRow[k] = r;
        if (c < MinCol[k]) MinCol[k] = c;
        if (c > MaxCol[k]) MaxCol[k] = c;
        SumRow[k] += r;
        SumCol[k] += c;
        SumRowRow[k] += (long)r * r;
        SumColCol[k] += (long)c * c;
        SumRowCol[k] += (long)r * c;
    }

    private void AddIntensities(int[] data, Func<int, int> index, IImage intensity)
    {
        switch (intensity)
        {
            case Image<byte> b: AddSamples(data, index, b.Data, static v => v); break;
            case Image<ushort> s: AddSamples(data, index, s.Data, static v => v); break;
            case Image<float> f: AddSamples(data, index, f.Data, static v => v); break;
            case Image<int> i: AddSamples(data, index, i.Data, static v => v); break;
            default: throw new ArgumentException($"Unsupported intensity sample type {intensity.PixelType}.", nameof(intensity));
        }
    }

    private void AddSamples<T>(int[] data, Func<int, int> index, T[] samples, Func<T, double> value)
    {
        int channels = Channels;
        for (int p = 0; p < data.Length; p++)
        {
            int v = data[p];
            if (v == 0) continue;
            int at = index(v) * channels;
            int from = p * channels;
            for (int ch = 0; ch < channels; ch++)
            {
                double x = value(samples[from + ch]);
                IntensitySum[at + ch] += x;
                if (x < IntensityMin[at + ch]) IntensityMin[at + ch] = x;
                if (x > IntensityMax[at + ch]) IntensityMax[at + ch] = x;
            }
        }
    }

    /// <summary>
    /// Maps label values to dense indices in ascending label order: a lookup table when the largest label is not much
    /// larger than the image, otherwise a dictionary.
    /// </summary>
    private static (Func<int, int> Index, int[] Values) Dense(int[] data)
    {
        int max = 0;
        foreach (int v in data) if (v > max) max = v;
        if (max <= Math.Max(1 << 16, 4 * data.Length))
        {
            var seen = new bool[max + 1];
            foreach (int v in data) seen[v] = true;
            var table = new int[max + 1];
            var values = new List<int>();
            for (int v = 1; v <= max; v++)
            {
                if (!seen[v]) continue;
                table[v] = values.Count;
                values.Add(v);
            }
            return (v => table[v], [.. values]);
        }
        var distinct = new SortedSet<int>();
        foreach (int v in data) if (v != 0) distinct.Add(v);
        int[] sorted = [.. distinct];
        var map = new Dictionary<int, int>(sorted.Length);
        for (int k = 0; k < sorted.Length; k++) map[sorted[k]] = k;
        return (v => map[v], sorted);
    }
}
