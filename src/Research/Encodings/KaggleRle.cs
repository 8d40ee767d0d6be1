using System.Globalization;
using System.Text;
using Research.Imaging;

namespace Research.Encodings;

/// <summary>
/// Kaggle run-length encoding (Data Science Bowl 2018, ultrasound nerve segmentation): space-separated
/// <c>start length</c> pairs, 1-based, pixels numbered top to bottom then left to right (column-major), runs
/// sorted, one encoded string per object. Parsing is strict; encoding writes the canonical form (sorted,
/// maximal runs: two runs never touch).
/// </summary>
public static class KaggleRle
{
    /// <summary>
    /// Parses <paramref name="encoded"/> for an image of <paramref name="width"/> x <paramref name="height"/> pixels.
    /// An empty string is an object without pixels (no runs). Throws <see cref="InputException"/> whose message starts
    /// with <paramref name="where"/> (for example "masks.csv line 12 (ImageId abc)") for an odd number of tokens, a
    /// token that is not a whole number, a start below 1, a length below 1, a run past the image's last pixel, or a
    /// run that starts before the previous run ended (unsorted or overlapping). Touching runs are accepted.
    /// </summary>
    public static IReadOnlyList<RleRun> Parse(string encoded, int width, int height, string where)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        long pixels = (long)width * height;
        string[] tokens = encoded.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length % 2 != 0)
        {
            throw new InputException($"{where}: EncodedPixels has {tokens.Length} numbers, an odd count; it must hold 'start length' pairs.");
        }
        var runs = new List<RleRun>(tokens.Length / 2);
        long previousEnd = 0;
        for (int i = 0; i < tokens.Length; i += 2)
        {
            int pair = i / 2 + 1;
            long start = Number(tokens[i], where, pair, "start");
            long length = Number(tokens[i + 1], where, pair, "length");
            string run = $"run {pair} ('{tokens[i]} {tokens[i + 1]}')";
            if (start < 1) throw new InputException($"{where}: {run} starts at {start}; pixel numbers start at 1.");
            if (length < 1) throw new InputException($"{where}: {run} has length {length}; lengths must be at least 1.");
            long end = start + length - 1;
            if (end > pixels)
            {
                throw new InputException($"{where}: {run} ends at pixel {end}, past the last pixel {pixels} of a {width}x{height} image; check the image size (Height/Width) or the encoding.");
            }
            if (start <= previousEnd)
            {
                string kind = start < runs[^1].Start ? "is out of order (runs must be sorted by start)" : "overlaps the previous run";
                throw new InputException($"{where}: {run} {kind}: it starts at {start} but the previous run ends at {previousEnd}.");
            }
            runs.Add(new RleRun((int)start, (int)length));
            previousEnd = end;
        }
        return runs;
    }

    /// <summary>Writes runs as <c>start length</c> pairs separated by single spaces (invariant culture); no runs give "".</summary>
    public static string Format(IEnumerable<RleRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var text = new StringBuilder();
        foreach (var run in runs)
        {
            if (text.Length > 0) text.Append(' ');
            text.Append(run.Start.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(run.Length.ToString(CultureInfo.InvariantCulture));
        }
        return text.ToString();
    }

    /// <summary>
    /// The canonical runs of the non-zero pixels of a one-channel <paramref name="mask"/>: sorted, maximal (a run
    /// continues from the bottom of one column into the top of the next, as the pixel numbering does).
    /// </summary>
    public static IReadOnlyList<RleRun> Encode<T>(Image<T> mask) where T : unmanaged, System.Numerics.INumber<T>
    {
        ArgumentNullException.ThrowIfNull(mask);
        var objects = LabelRuns.Scan(mask, binary: true);
        return objects.Count == 0 ? [] : objects[0].Runs;
    }

    /// <summary>
    /// Sets every pixel covered by <paramref name="runs"/> in <paramref name="labels"/> to <paramref name="label"/>
    /// and returns how many of those pixels already held another non-zero label (they are overwritten);
    /// <paramref name="overlapped"/> is the first such label met, or 0.
    /// </summary>
    public static int Paint(IReadOnlyList<RleRun> runs, Image<ushort> labels, ushort label, out ushort overlapped)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(labels);
        int height = labels.Height, width = labels.Width;
        ushort[] data = labels.Data;
        int overlaps = 0;
        overlapped = 0;
        foreach (var run in runs)
        {
            for (int n = run.Start - 1; n < run.Start - 1 + run.Length; n++)
            {
                int index = (n % height) * width + n / height;
                if (data[index] != 0 && data[index] != label)
                {
                    if (overlaps++ == 0) overlapped = data[index];
                }
                data[index] = label;
            }
        }
        return overlaps;
    }

    private static long Number(string token, string where, int pair, string what)
    {
        if (!long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
        {
            throw new InputException($"{where}: run {pair}: the {what} '{token}' is not a whole number.");
        }
        return value;
    }
}
