namespace Research.Torch.Inference;

/// <summary>
/// One object a region-based model found in an image: its score and its mask probabilities over a rectangle of the
/// image (the pasted mask's extent), row-major <paramref name="Width"/> x <paramref name="Height"/> from (<paramref name="X0"/>, <paramref name="Y0"/>).
/// </summary>
/// <param name="Score">The class score.</param>
/// <param name="X0">Left column of the rectangle.</param>
/// <param name="Y0">Top row of the rectangle.</param>
/// <param name="Width">Rectangle width.</param>
/// <param name="Height">Rectangle height.</param>
/// <param name="Mask">Mask probabilities in the rectangle.</param>
public sealed record ObjectDetection(float Score, int X0, int Y0, int Width, int Height, float[] Mask);

/// <summary>Detections as instance labels: the step that <c>predict</c> and <c>tune</c> share for region-based models.</summary>
public static class DetectionLabels
{
    /// <summary>
    /// The label image of <paramref name="detections"/>: those scoring below <paramref name="scoreThreshold"/> are left out,
    /// each mask is its probabilities above <paramref name="maskThreshold"/>, and where masks overlap a pixel goes to the
    /// detection of higher score (painted lowest score first; equal scores in list order, the earlier on top). Labels are
    /// 1..n in decreasing score among the objects that keep at least <paramref name="minArea"/> pixels.
    /// </summary>
    public static int[] Paint(IReadOnlyList<ObjectDetection> detections, double scoreThreshold, double maskThreshold, int width, int height, int minArea = 1)
    {
        ArgumentNullException.ThrowIfNull(detections);
        var order = Enumerable.Range(0, detections.Count).Where(i => detections[i].Score >= scoreThreshold)
            .OrderByDescending(i => detections[i].Score).ThenBy(i => i).ToArray();
        var painted = new int[width * height];
        for (int rank = order.Length - 1; rank >= 0; rank--)
        {
            var d = detections[order[rank]];
            for (int y = 0; y < d.Height; y++)
            {
                int iy = d.Y0 + y;
                if (iy < 0 || iy >= height) continue;
                for (int x = 0; x < d.Width; x++)
                {
                    int ix = d.X0 + x;
                    if (ix >= 0 && ix < width && d.Mask[y * d.Width + x] > maskThreshold) painted[iy * width + ix] = rank + 1;
                }
            }
        }
        var area = new int[order.Length + 1];
        foreach (int p in painted) area[p]++;
        var relabel = new int[order.Length + 1];
        int next = 0;
        for (int r = 1; r <= order.Length; r++) relabel[r] = area[r] >= Math.Max(1, minArea) ? ++next : 0;
        for (int i = 0; i < painted.Length; i++) painted[i] = relabel[painted[i]];
        return painted;
    }
}
