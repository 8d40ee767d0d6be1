using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Research.Torch.Detection;
using static TorchSharp.torch;

namespace Research.Torch.Tests.Detection;

/// <summary>
/// NMS (computed in blocks of boxes) equals the plain greedy definition on random boxes (FsCheck): boxes in
/// decreasing score order, ties by index (LINQ's stable sort); each kept unless an earlier kept box has IoU above the
/// threshold with it. Sizes up to 300 boxes cross several blocks; scores on a coarse grid make ties common.
/// </summary>
public sealed class NmsPropertyTests
{
    [Property(MaxTest = 25)]
    public Property Blocked_nms_equals_the_greedy_definition(PositiveInt count, int seed, byte thresholdStep)
    {
        using var scope = NewDisposeScope();
        int n = count.Get % 300 + 1;
        double threshold = 0.1 + thresholdStep % 8 * 0.1;
        var random = new Random(seed);
        var coordinates = new float[n * 4];
        var scores = new float[n];
        for (int i = 0; i < n; i++)
        {
            float x = random.Next(0, 100), y = random.Next(0, 100);
            coordinates[4 * i] = x;
            coordinates[4 * i + 1] = y;
            coordinates[4 * i + 2] = x + 1 + (float)random.NextDouble() * 30;
            coordinates[4 * i + 3] = y + 1 + (float)random.NextDouble() * 30;
            scores[i] = random.Next(0, 10) / 10f;
        }
        var boxes = tensor(coordinates).reshape(n, 4);
        float[] iou = BoxOps.BoxIou(boxes, boxes).data<float>().ToArray();
        var order = Enumerable.Range(0, n).OrderByDescending(i => scores[i]).ToArray();
        var kept = new List<long>();
        foreach (int i in order)
            if (kept.All(k => !(iou[k * n + i] > threshold))) kept.Add(i);
        long[] ours = Nms.Apply(boxes, tensor(scores), threshold).data<long>().ToArray();
        return ours.SequenceEqual(kept).Label($"n {n}, threshold {threshold}: ours [{string.Join(", ", ours)}], greedy [{string.Join(", ", kept)}]");
    }
}
