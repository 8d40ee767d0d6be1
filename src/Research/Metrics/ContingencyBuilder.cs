using System.Runtime.InteropServices;

namespace Research.Metrics;

/// <summary>
/// Builds the <see cref="ContingencyTable"/> of a truth/prediction pair in one pass over the pixels. Pixels are
/// taken in runs of equal (true, predicted) labels along each row, so the per-object dictionaries are touched once
/// per run, not once per pixel.
/// </summary>
public static class ContingencyBuilder
{
    /// <summary>
    /// Counts areas, bounding boxes and overlaps of <paramref name="truth"/> and <paramref name="prediction"/>.
    /// Images of different sizes throw <see cref="InputException"/> naming both.
    /// </summary>
    public static ContingencyTable Build(string id, LabelImage truth, LabelImage prediction)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(prediction);
        if (truth.Width != prediction.Width || truth.Height != prediction.Height)
        {
            throw new InputException(
                $"{prediction.Name} is {prediction.Width}x{prediction.Height} but {truth.Name} is {truth.Width}x{truth.Height}; a prediction must have the size of its true label image (evaluate --resize-pred nearest resizes predictions to the truth's size).");
        }
        var state = new Accumulators();
        int w = truth.Width;
        ReadOnlySpan<int> t = truth.Data, p = prediction.Data;
        for (int y = 0; y < truth.Height; y++)
        {
            ReadOnlySpan<int> tr = t.Slice(y * w, w), pr = p.Slice(y * w, w);
            int start = 0, a = tr[0], b = pr[0];
            for (int x = 1; x < w; x++)
            {
                int a2 = tr[x], b2 = pr[x];
                if (a2 == a && b2 == b) continue;
                state.Flush(a, b, y, start, x - 1);
                start = x;
                a = a2;
                b = b2;
            }
            state.Flush(a, b, y, start, w - 1);
        }
        return state.ToTable(id, truth.Width, truth.Height);
    }

    private sealed class Stats
    {
        public long Area;
        public int MinX = int.MaxValue, MinY = int.MaxValue, MaxX = -1, MaxY = -1;

        public void Add(int y, int x0, int x1)
        {
            Area += x1 - x0 + 1;
            if (x0 < MinX) MinX = x0;
            if (x1 > MaxX) MaxX = x1;
            if (y < MinY) MinY = y;
            if (y > MaxY) MaxY = y;
        }
    }

    private sealed class Accumulators
    {
        private readonly Dictionary<int, Stats> _truth = [];
        private readonly Dictionary<int, Stats> _prediction = [];
        private readonly Dictionary<long, long> _pairs = [];
        private int _lastTrue = -1, _lastPredicted = -1;
        private Stats? _trueStats, _predictedStats;

        public void Flush(int t, int p, int y, int x0, int x1)
        {
            if (t > 0)
            {
                if (t != _lastTrue) { _trueStats = Get(_truth, t); _lastTrue = t; }
                _trueStats!.Add(y, x0, x1);
            }
            if (p > 0)
            {
                if (p != _lastPredicted) { _predictedStats = Get(_prediction, p); _lastPredicted = p; }
                _predictedStats!.Add(y, x0, x1);
            }
            if (t > 0 && p > 0)
            {
                ref long cell = ref CollectionsMarshal.GetValueRefOrAddDefault(_pairs, ((long)t << 32) | (uint)p, out _);
                cell += x1 - x0 + 1;
            }
        }

        public ContingencyTable ToTable(string id, int width, int height)
        {
            var truth = ToSet(_truth, out var trueIndex);
            var prediction = ToSet(_prediction, out var predictedIndex);
            var overlaps = new Overlap[_pairs.Count];
            int k = 0;
            foreach (var (key, pixels) in _pairs)
            {
                overlaps[k++] = new Overlap(trueIndex[(int)(key >> 32)], predictedIndex[(int)(key & 0xffffffff)], pixels);
            }
            Array.Sort(overlaps, (u, v) => u.True != v.True ? u.True.CompareTo(v.True) : u.Predicted.CompareTo(v.Predicted));
            return new ContingencyTable(id, width, height, truth, prediction, overlaps);
        }

        private static Stats Get(Dictionary<int, Stats> map, int label)
        {
            ref Stats? s = ref CollectionsMarshal.GetValueRefOrAddDefault(map, label, out _);
            return s ??= new Stats();
        }

        private static ObjectSet ToSet(Dictionary<int, Stats> map, out Dictionary<int, int> index)
        {
            int[] labels = [.. map.Keys];
            Array.Sort(labels);
            index = new Dictionary<int, int>(labels.Length);
            var areas = new long[labels.Length];
            var boxes = new BoundingBox[labels.Length];
            for (int i = 0; i < labels.Length; i++)
            {
                var s = map[labels[i]];
                index[labels[i]] = i;
                areas[i] = s.Area;
                boxes[i] = new BoundingBox(s.MinX, s.MinY, s.MaxX, s.MaxY);
            }
            return new ObjectSet(labels, areas, boxes);
        }
    }
}
