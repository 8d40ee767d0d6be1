using System.Globalization;
using Research.Imaging;
using Research.Imaging.Codecs;
using Research.IO;

namespace Research.Encodings;

/// <summary>
/// Writes a Cell Tracking Challenge result folder (the <c>NN_RES</c> the CTC evaluation tools read):
/// <c>maskTTT.tif</c> per frame (16-bit labels, frame numbers from 000; four digits when the last frame number exceeds
/// 999) and <c>res_track.txt</c> with one line <c>L B E P</c> per track. The folder appears only when complete.
/// </summary>
public static class CtcResultWriter
{
    /// <summary>The mask file name of frame <paramref name="t"/> of a sequence of <paramref name="frameCount"/> frames.</summary>
    public static string FrameFileName(int t, int frameCount) => "mask" + FrameNumber(t, frameCount) + ".tif";

    /// <summary>
    /// Frame <paramref name="t"/>'s number as CTC file names write it (<c>TTT</c> in <c>tTTT.tif</c>, <c>man_segTTT.tif</c>,
    /// <c>maskTTT.tif</c>): three digits, four when the sequence has more than 1000 frames.
    /// </summary>
    public static string FrameNumber(int t, int frameCount) => t.ToString(frameCount > 1000 ? "D4" : "D3", CultureInfo.InvariantCulture);

    /// <summary>The text of <c>res_track.txt</c>: one <c>L B E P</c> line per track, LF line ends.</summary>
    public static string FormatTracks(IEnumerable<CtcTrack> tracks) => string.Concat(tracks.Select(t => t + "\n"));

    /// <summary>
    /// Computes the tracks of <paramref name="frames"/> (see <see cref="CtcTracking.Build"/>) and writes the result
    /// folder <paramref name="folder"/> (refused if it exists and is not empty, unless <paramref name="force"/>).
    /// Returns the tracks written.
    /// </summary>
    public static IReadOnlyList<CtcTrack> Write(string folder, IReadOnlyList<Image<ushort>> frames,
        IReadOnlyDictionary<int, int>? parents = null, CtcGapPolicy gaps = CtcGapPolicy.Error, bool force = false)
    {
        var (output, tracks) = CtcTracking.Build(frames, parents, gaps);
        using var staged = OutputFolder.Begin(folder, force);
        for (int t = 0; t < output.Count; t++)
        {
            ImageFile.Write(staged.PathFor(FrameFileName(t, output.Count)), output[t]);
        }
        AtomicFile.WriteAllText(staged.PathFor("res_track.txt"), FormatTracks(tracks));
        staged.Commit();
        return tracks;
    }
}
