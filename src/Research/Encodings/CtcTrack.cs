using System.Globalization;

namespace Research.Encodings;

/// <summary>One line of a Cell Tracking Challenge <c>res_track.txt</c>/<c>man_track.txt</c>: <c>L B E P</c>.</summary>
/// <param name="Label">The track's label in the mask files.</param>
/// <param name="Begin">First frame (0-based) where the label is present.</param>
/// <param name="End">Last frame where it is present; it is present in every frame from Begin to End.</param>
/// <param name="Parent">The parent track's label (the cell it divided from, or the same cell before a gap), or 0.</param>
public sealed record CtcTrack(int Label, int Begin, int End, int Parent)
{
    /// <summary>The line <c>L B E P</c> (invariant culture, single spaces).</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Label} {Begin} {End} {Parent}");

    /// <summary>Reads <c>man_track.txt</c> or <c>res_track.txt</c>; a malformed line is an <see cref="InputException"/> naming the file and line.</summary>
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

/// <summary>What to do when a label disappears and reappears later (a CTC track must be present in consecutive frames).</summary>
public enum CtcGapPolicy
{
    /// <summary>Refuse the sequence with an <see cref="InputException"/> naming the label and the missing frames.</summary>
    Error,

    /// <summary>
    /// Split: each reappearance becomes a new track with a new label (above the largest label used) whose parent is the
    /// track before the gap, as the CTC format represents gaps; the mask files are relabelled accordingly.
    /// </summary>
    Split,
}
