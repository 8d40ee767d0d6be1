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
