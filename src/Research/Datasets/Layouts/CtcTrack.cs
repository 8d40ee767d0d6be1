using System.Globalization;

namespace Research.Datasets.Layouts;

/// <summary>One line <c>L B E P</c> of a Cell Tracking Challenge <c>man_track.txt</c>: label, first and last frame, parent label (0 = none).</summary>
public sealed record CtcTrack(int Label, int Begin, int End, int Parent)
{
    /// <summary>Reads <c>man_track.txt</c>; a malformed line is an <see cref="InputException"/> naming the file and line.</summary>
    public static IReadOnlyList<CtcTrack> ReadAll(string path)
    {
        var tracks = new List<CtcTrack>();
        int number = 0;
        foreach (string line in File.ReadLines(path))
        {
            number++;
            if (line.Trim().Length == 0) continue;
            string[] parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var values = new int[4];
            if (parts.Length != 4 || !parts.Select((p, i) => int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out values[i])).All(ok => ok))
            {
                throw new InputException($"{path}:{number}: expected four integers 'L B E P', found '{line}'.");
            }
            if (values[0] <= 0 || values[1] < 0 || values[2] < values[1] || values[3] < 0)
            {
                throw new InputException($"{path}:{number}: label must be positive, 0 <= begin <= end and parent >= 0; found '{line}'.");
            }
            tracks.Add(new CtcTrack(values[0], values[1], values[2], values[3]));
        }
        return tracks;
    }
}
