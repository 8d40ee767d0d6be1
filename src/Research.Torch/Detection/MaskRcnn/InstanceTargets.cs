using static TorchSharp.torch;

namespace Research.Torch.Detection.MaskRcnn;

/// <summary>
/// Between instance label images and Mask R-CNN: the truth of a (cropped, augmented) label image as boxes, labels and
/// masks, and detections as a label image.
/// </summary>
public static class InstanceTargets
{
    /// <summary>
    /// The objects of a label image (0 background) as a training target of class 1: one box per label (pixel edges: min
    /// x, min y, max x + 1, max y + 1) and its mask, in ascending label order. An object smaller than
    /// <paramref name="minArea"/> pixels (what a crop leaves of an object cut at its border) is dropped and counted
    /// in <paramref name="dropped"/>; a box always has a width and height of at least one pixel.
    /// </summary>
    public static MaskRcnnTarget FromLabels(int[] labels, int width, int height, int minArea, out int dropped)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Length != width * height) throw new ArgumentException($"{labels.Length} labels for a {width} x {height} image");
        var boxes = new SortedDictionary<int, int[]>();
        for (int i = 0; i < labels.Length; i++)
        {
            int label = labels[i];
            if (label == 0) continue;
            int x = i % width, y = i / width;
            if (!boxes.TryGetValue(label, out var b)) boxes[label] = b = [x, y, x, y, 0];
            b[0] = Math.Min(b[0], x);
            b[1] = Math.Min(b[1], y);
            b[2] = Math.Max(b[2], x);
            b[3] = Math.Max(b[3], y);
            b[4]++;
        }
        var kept = boxes.Where(kv => kv.Value[4] >= Math.Max(1, minArea)).ToList();
        dropped = boxes.Count - kept.Count;
        var masks = new byte[kept.Count * labels.Length];
        var index = kept.Select((kv, k) => (kv.Key, k)).ToDictionary(p => p.Key, p => p.k);
        for (int i = 0; i < labels.Length; i++)
            if (labels[i] != 0 && index.TryGetValue(labels[i], out int k)) masks[(long)k * labels.Length + i] = 1;
        var flat = kept.SelectMany(kv => new float[] { kv.Value[0], kv.Value[1], kv.Value[2] + 1, kv.Value[3] + 1 }).ToArray();
        return new MaskRcnnTarget(tensor(flat, [kept.Count, 4]), ones(kept.Count, dtype: ScalarType.Int64), tensor(masks, [kept.Count, height, width]));
    }

    /// <summary>
    /// Detections as an instance label image: detections scoring below <paramref name="scoreThreshold"/> are left out,
    /// each mask is its probabilities above <paramref name="maskThreshold"/>, and where masks overlap the pixel goes to
    /// the detection of higher score (detections are painted lowest score first). Labels 1..n in decreasing score.
    /// </summary>
    public static int[] ToLabels(InstancePrediction prediction, double scoreThreshold, double maskThreshold)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        using var scope = NewDisposeScope();
        long height = prediction.Masks.shape[2], width = prediction.Masks.shape[3];
        var result = new int[height * width];
        var scores = prediction.Scores.to_type(ScalarType.Float32).cpu().data<float>().ToArray();
        var order = Enumerable.Range(0, scores.Length).Where(i => scores[i] >= scoreThreshold).OrderByDescending(i => scores[i]).ThenBy(i => i).ToArray();
        for (int rank = order.Length - 1; rank >= 0; rank--)
        {
            using var mask = prediction.Masks[order[rank], 0].cpu().contiguous();
            var probabilities = mask.data<float>().ToArray();
            for (int p = 0; p < probabilities.Length; p++)
                if (probabilities[p] > maskThreshold) result[p] = rank + 1;
        }
        return result;
    }
}
