using System.Numerics;
using Research.Imaging;

namespace Research.Encodings;

/// <summary>One object of a label image as seen by the encoders: its label, canonical runs, area and bounding box.</summary>
/// <param name="Label">The label value (1 for a binary mask).</param>
/// <param name="Runs">Canonical Kaggle runs (1-based, column-major, sorted, maximal).</param>
/// <param name="Area">Number of pixels.</param>
/// <param name="MinX">Leftmost column.</param>
/// <param name="MinY">Top row.</param>
/// <param name="MaxX">Rightmost column.</param>
/// <param name="MaxY">Bottom row.</param>
public sealed record LabelObject(int Label, IReadOnlyList<RleRun> Runs, long Area, int MinX, int MinY, int MaxX, int MaxY);

/// <summary>Scans a label image once in column-major order and returns every object's runs, area and bounding box.</summary>
public static class LabelRuns
{
    /// <summary>
    /// The objects of a one-channel image, in ascending label order. With <paramref name="binary"/> every non-zero
    /// pixel belongs to one object with label 1; otherwise each distinct non-zero value (truncated to an integer) is
    /// one object. Negative values are refused.
    /// </summary>
    public static IReadOnlyList<LabelObject> Scan<T>(Image<T> image, bool binary) where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Channels != 1)
        {
            throw new InputException($"A label image must have one channel, got {image.Channels} ({image}); convert it to grey labels first.");
        }
        int width = image.Width, height = image.Height;
        T[] data = image.Data;
        var builders = new SortedDictionary<int, Builder>();
        Builder? open = null;
        int openLabel = 0;
        for (int x = 0; x < width; x++)
        {
            for (int y = 0; y < height; y++)
            {
                int label = LabelOf(data[y * width + x], binary, x, y);
                if (label != openLabel)
                {
                    open?.Close();
                    openLabel = label;
                    if (label == 0) { open = null; continue; }
                    if (!builders.TryGetValue(label, out open)) builders[label] = open = new Builder(label);
                    open.Begin(x * height + y + 1);
                }
                open?.Add(x, y);
            }
        }
        open?.Close();
        return builders.Values.Select(b => b.Build()).ToList();
    }

    private static int LabelOf<T>(T value, bool binary, int x, int y) where T : unmanaged, INumber<T>
    {
        if (T.IsZero(value)) return 0;
        if (binary) return 1;
        if (T.IsNegative(value)) throw new InputException($"Pixel ({x}, {y}) holds the negative label {value}; labels must be 0 (background) or positive.");
        return int.CreateTruncating(value);
    }

    private sealed class Builder(int label)
    {
        private readonly List<RleRun> _runs = [];
        private int _start, _length;
        private long _area;
        private int _minX = int.MaxValue, _minY = int.MaxValue, _maxX = -1, _maxY = -1;

        public void Begin(int start) { _start = start; _length = 0; }

        public void Add(int x, int y)
        {
            _length++;
            _area++;
            if (x < _minX) _minX = x;
            if (x > _maxX) _maxX = x;
            if (y < _minY) _minY = y;
            if (y > _maxY) _maxY = y;
        }

        public void Close() => _runs.Add(new RleRun(_start, _length));

        public LabelObject Build() => new(label, _runs, _area, _minX, _minY, _maxX, _maxY);
    }
}

/// <summary>Dispatches <see cref="LabelRuns.Scan{T}"/> on an image of any element type.</summary>
public static class LabelImages
{
    /// <summary>The objects of a one-channel label image of any element type, in ascending label order.</summary>
    public static IReadOnlyList<LabelObject> Objects(IImage image, bool binary = false) => image switch
    {
        Image<byte> b => LabelRuns.Scan(b, binary),
        Image<ushort> u => LabelRuns.Scan(u, binary),
        Image<int> i => LabelRuns.Scan(i, binary),
        Image<float> f => LabelRuns.Scan(f, binary),
        null => throw new ArgumentNullException(nameof(image)),
        _ => throw new ArgumentException($"Unsupported image type {image.GetType().Name}.", nameof(image)),
    };
}
