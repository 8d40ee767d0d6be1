using Research.Metrics;

namespace Research.Torch.Training.Tasks;

/// <summary>Foreground pixel counts of a prediction against the truth over an image's own region of (possibly padded) row-major buffers.</summary>
public static class ForegroundCounts
{
    /// <summary>
    /// True positives, false positives and false negatives over the <paramref name="width"/> x <paramref name="height"/>
    /// image region of <paramref name="predicted"/> (rows of <paramref name="predictedStride"/>) and <paramref name="truth"/>
    /// (rows of <paramref name="truthStride"/>, foreground above 0.5).
    /// </summary>
    public static PixelCounts Count(bool[] predicted, int predictedStride, float[] truth, int truthStride, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(truth);
        long tp = 0, fp = 0, fn = 0;
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                bool p = predicted[y * predictedStride + x], t = truth[y * truthStride + x] > 0.5f;
                if (p && t) tp++;
                else if (p) fp++;
                else if (t) fn++;
            }
        }
        return new PixelCounts(tp, fp, fn);
    }
}
