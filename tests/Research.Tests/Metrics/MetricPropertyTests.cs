using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Research.Metrics;
using Research.Randomness;

namespace Research.Tests.Metrics;

public sealed class MetricPropertyTests
{
    private static readonly EvaluationOptions Options = new() { Taus = [0.5, 0.75, 0.3] };

    /// <summary>A 24x20 label image of up to 6 overlapping rectangles (later ones paint over earlier ones).</summary>
    private static LabelImage Random(ulong seed, ulong stream)
    {
        var rng = SeededRandom.Derive(seed, stream);
        var data = new int[24 * 20];
        int count = rng.NextInt(0, 7);
        for (int k = 1; k <= count; k++)
        {
            int x0 = rng.NextInt(0, 20), y0 = rng.NextInt(0, 16), w = rng.NextInt(1, 9), h = rng.NextInt(1, 9);
            for (int y = y0; y < Math.Min(20, y0 + h); y++)
                for (int x = x0; x < Math.Min(24, x0 + w); x++) data[y * 24 + x] = k;
        }
        return new LabelImage(24, 20, data);
    }

    private static LabelImage Renumber(LabelImage labels, ulong seed, bool keepOrder)
    {
        var rng = new SeededRandom(seed);
        var values = labels.Data.Where(v => v > 0).Distinct().Order().ToArray();
        var targets = new HashSet<int>();
        while (targets.Count < values.Length) targets.Add(rng.NextInt(1, 100000));
        var sorted = targets.Order().ToArray();
        if (!keepOrder) sorted = [.. sorted.OrderBy(_ => rng.NextUInt64())];
        var map = values.Select((v, i) => (v, sorted[i])).ToDictionary(p => p.v, p => p.Item2);
        return new LabelImage(labels.Width, labels.Height, [.. labels.Data.Select(v => v == 0 ? 0 : map[v])]);
    }

    private static string Summary(params (LabelImage Truth, LabelImage Prediction)[] pairs) =>
        Research.IO.Json.Serialize(Evaluator.Evaluate([.. pairs.Select((p, i) => new LabelPair($"i{i}", p.Truth, p.Prediction))], Options).Summary);

    [Property(MaxTest = 60)]
    public bool A_perfect_prediction_scores_one_everywhere(ulong seed)
    {
        var truth = Random(seed, 1);
        var s = Evaluator.Evaluate([new LabelPair("a", truth, Renumber(truth, seed, keepOrder: false))], Options).Summary;
        return s.Pixel.Iou == 1 && s.Pixel.Dice == 1 && s.PixelMacro.Iou == 1 && s.Dsb2018Score == 1
               && s.Matching.Values.All(m => m.F1 == 1 && m.Fp == 0 && m.Fn == 0 && Math.Abs(m.Pq - 1) < 1e-12)
               && s.Ctc.Seg == 1 && s.Ctc.Det == 1 && s.Counting.Mae == 0 && s.Centroid.F1 == 1
               && s.Boundary.Hd95 == 0 && s.Boundary.Nsd == 1;
    }

    [Property(MaxTest = 60)]
    public bool Order_preserving_renumbering_changes_nothing(ulong seed)
    {
        var (t, p) = (Random(seed, 1), Random(seed, 2));
        return Summary((t, p)) == Summary((Renumber(t, seed + 1, true), Renumber(p, seed + 2, true)));
    }

    [Property(MaxTest = 60)]
    public bool Any_renumbering_keeps_the_order_free_metrics(ulong seed)
    {
        // Centroid detection visits predictions in label order by definition, and greedy matching below 0.5 breaks
        // exact IoU ties by label order; every other metric ignores label values entirely.
        var (t, p) = (Random(seed, 1), Random(seed, 2));
        var a = Evaluator.Evaluate([new LabelPair("a", t, p)], Options).Summary;
        var b = Evaluator.Evaluate([new LabelPair("a", Renumber(t, seed + 1, false), Renumber(p, seed + 2, false))], Options).Summary;
        return a.Pixel == b.Pixel && a.PixelMacro == b.PixelMacro && a.Dsb2018Score == b.Dsb2018Score
               && a.Matching["0.5"] == b.Matching["0.5"] && a.Matching["0.75"] == b.Matching["0.75"]
               && a.Ctc == b.Ctc && a.Counting == b.Counting && a.Boundary == b.Boundary;
    }

    [Property(MaxTest = 60)]
    public bool Swapping_truth_and_prediction_keeps_the_symmetric_metrics(ulong seed)
    {
        var (t, p) = (Random(seed, 1), Random(seed, 2));
        var a = Evaluator.Evaluate([new LabelPair("a", t, p)], Options).Summary;
        var b = Evaluator.Evaluate([new LabelPair("a", p, t)], Options).Summary;
        static bool Near(double x, double y) => Math.Abs(x - y) < 1e-12;
        return Near(a.Pixel.Iou, b.Pixel.Iou) && Near(a.Pixel.Dice, b.Pixel.Dice) && Near(a.Pixel.Precision, b.Pixel.Recall)
               && Near(a.Dsb2018Score, b.Dsb2018Score)
               && a.Matching["0.5"].Tp == b.Matching["0.5"].Tp && a.Matching["0.5"].Fp == b.Matching["0.5"].Fn
               && Near(a.Matching["0.5"].F1, b.Matching["0.5"].F1) && Near(a.Matching["0.5"].Pq, b.Matching["0.5"].Pq)
               && Near(a.Boundary.Hd95, b.Boundary.Hd95) && Near(a.Boundary.Nsd, b.Boundary.Nsd);
    }

    [Property(MaxTest = 40)]
    public bool Streaming_updates_equal_one_batch(ulong seed)
    {
        var pairs = Enumerable.Range(0, 4).Select(i => new LabelPair($"i{i}", Random(seed, (ulong)(2 * i)), Random(seed, (ulong)(2 * i + 1)))).ToArray();
        var streaming = new Evaluator(Options);
        streaming.Update(new LabelPair("junk", pairs[0].Truth, pairs[1].Prediction));
        streaming.Reset();
        streaming.Update([pairs[0], pairs[1]]);
        foreach (var p in pairs.Skip(2)) streaming.Update(p);
        return Research.IO.Json.Serialize(streaming.Aggregate()) == Research.IO.Json.Serialize(Evaluator.Evaluate(pairs, Options).Summary);
    }
}
