using Research.Imaging;

namespace Research.Encodings;

/// <summary>
/// Computes Cell Tracking Challenge tracks from a sequence of label images: a track is one label id across frames,
/// B and E its first and last frame, P its parent from an optional map (child label to parent label).
/// </summary>
public static class CtcTracking
{
    /// <summary>
    /// The tracks of <paramref name="frames"/> (ascending label), and the frames to write (relabelled only when
    /// <paramref name="gaps"/> is <see cref="CtcGapPolicy.Split"/> and a label has a gap). A parent must be a track that
    /// ends before its child begins.
    /// </summary>
    public static (IReadOnlyList<Image<ushort>> Frames, IReadOnlyList<CtcTrack> Tracks) Build(
        IReadOnlyList<Image<ushort>> frames, IReadOnlyDictionary<int, int>? parents = null, CtcGapPolicy gaps = CtcGapPolicy.Error)
    {
        ArgumentNullException.ThrowIfNull(frames);
        CheckFrames(frames);
        var segments = Segments(frames);
        // Every segment gets its label: the first keeps the original, later ones (Split only) new labels above the largest.
        var labelOf = new Dictionary<(int Label, int Segment), int>();
        int next = segments.Count == 0 ? 1 : segments.Keys.Max() + 1;
        foreach (var (label, spans) in segments.OrderBy(p => p.Key))
        {
            if (spans.Count > 1 && gaps == CtcGapPolicy.Error)
            {
                throw new InputException($"Label {label} is present in frames {spans[0].Begin}-{spans[0].End}, absent in frames {spans[0].End + 1}-{spans[1].Begin - 1} and present again from frame {spans[1].Begin}; a CTC track must be present in consecutive frames: give the reappearing object a new label with parent {label} (or use the split gap policy).");
            }
            labelOf[(label, 0)] = label;
            for (int i = 1; i < spans.Count; i++)
            {
                if (next > ushort.MaxValue) throw new InputException($"Splitting label {label} at its gaps needs label {next}, more than a 16-bit mask holds.");
                labelOf[(label, i)] = next++;
            }
        }
        var tracks = new List<CtcTrack>();
        var relabel = new List<(int Label, int Begin, int End, int NewLabel)>();
        foreach (var (label, spans) in segments)
        {
            tracks.Add(new CtcTrack(label, spans[0].Begin, spans[0].End, ParentOf(label, spans[0].Begin, parents, segments, labelOf)));
            for (int i = 1; i < spans.Count; i++)
            {
                tracks.Add(new CtcTrack(labelOf[(label, i)], spans[i].Begin, spans[i].End, labelOf[(label, i - 1)]));
                relabel.Add((label, spans[i].Begin, spans[i].End, labelOf[(label, i)]));
            }
        }
        return (relabel.Count == 0 ? frames : Relabel(frames, relabel), tracks.OrderBy(t => t.Label).ToList());
    }

    private static void CheckFrames(IReadOnlyList<Image<ushort>> frames)
    {
        if (frames.Count == 0) throw new InputException("A CTC result needs at least one frame.");
        for (int t = 0; t < frames.Count; t++)
        {
            if (frames[t].Channels != 1) throw new InputException($"Frame {t} has {frames[t].Channels} channels; CTC masks have one.");
            if (!frames[t].SameSize(frames[0])) throw new InputException($"Frame {t} is {frames[t].Width}x{frames[t].Height} but frame 0 is {frames[0].Width}x{frames[0].Height}; all frames must have one size.");
        }
    }

    /// <summary>For each label, its runs of consecutive frames, in order.</summary>
    private static Dictionary<int, List<(int Begin, int End)>> Segments(IReadOnlyList<Image<ushort>> frames)
    {
        var segments = new Dictionary<int, List<(int Begin, int End)>>();
        for (int t = 0; t < frames.Count; t++)
        {
            foreach (ushort label in frames[t].Data.Where(v => v != 0).Distinct())
            {
                if (!segments.TryGetValue(label, out var spans)) segments[label] = spans = [];
                if (spans.Count > 0 && spans[^1].End == t - 1) spans[^1] = (spans[^1].Begin, t);
                else spans.Add((t, t));
            }
        }
        return segments;
    }

    /// <summary>The parent's label: the parent's last segment that ends before <paramref name="begin"/>.</summary>
    private static int ParentOf(int label, int begin, IReadOnlyDictionary<int, int>? parents,
        Dictionary<int, List<(int Begin, int End)>> segments, Dictionary<(int Label, int Segment), int> labelOf)
    {
        if (parents is null || !parents.TryGetValue(label, out int parent) || parent == 0) return 0;
        if (parent == label) throw new InputException($"Label {label} is given itself as parent.");
        if (!segments.TryGetValue(parent, out var spans)) throw new InputException($"Label {label} has parent {parent}, which is in no frame.");
        int segment = spans.FindLastIndex(span => span.End < begin);
        if (segment < 0)
        {
            throw new InputException($"Label {label} begins in frame {begin} but its parent {parent} is present from frame {spans[0].Begin} to {spans[0].End}; a parent must end before its child begins.");
        }
        return labelOf[(parent, segment)];
    }

    private static List<Image<ushort>> Relabel(IReadOnlyList<Image<ushort>> frames, List<(int Label, int Begin, int End, int NewLabel)> relabel)
    {
        var output = frames.Select(f => f.Clone()).ToList();
        foreach (var (label, begin, end, newLabel) in relabel)
        {
            for (int t = begin; t <= end; t++)
            {
                var data = output[t].Data;
                for (int i = 0; i < data.Length; i++)
                {
                    if (data[i] == label) data[i] = (ushort)newLabel;
                }
            }
        }
        return output;
    }
}
