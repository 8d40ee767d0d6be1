namespace Research.Metrics;

/// <summary>
/// Foreground pixel counts (foreground = label &gt; 0) and the scores over them: iou = TP/(TP+FP+FN),
/// dice = 2TP/(2TP+FP+FN), precision = TP/(TP+FP), recall = TP/(TP+FN); empty truth and empty prediction score 1
/// (<see cref="Ratio"/>). Add counts of several images for micro (pooled) scores.
/// </summary>
/// <param name="TruePositives">Pixels foreground in both.</param>
/// <param name="FalsePositives">Pixels foreground in the prediction only.</param>
/// <param name="FalseNegatives">Pixels foreground in the truth only.</param>
public readonly record struct PixelCounts(long TruePositives, long FalsePositives, long FalseNegatives)
{
    private bool Empty => TruePositives == 0 && FalsePositives == 0 && FalseNegatives == 0;

    /// <summary>TP / (TP + FP + FN).</summary>
    public double Iou => Ratio.Of(TruePositives, TruePositives + FalsePositives + FalseNegatives, Empty);

    /// <summary>2 TP / (2 TP + FP + FN).</summary>
    public double Dice => Ratio.Of(2.0 * TruePositives, 2.0 * TruePositives + FalsePositives + FalseNegatives, Empty);

    /// <summary>TP / (TP + FP).</summary>
    public double Precision => Ratio.Of(TruePositives, TruePositives + FalsePositives, Empty);

    /// <summary>TP / (TP + FN).</summary>
    public double Recall => Ratio.Of(TruePositives, TruePositives + FalseNegatives, Empty);

    /// <summary>
    /// The smoothed IoU of Keras-style segmentation code (the BH2019 project's): (TP + smooth) / (TP + FP + FN + smooth);
    /// 1 for an image with empty truth and empty prediction.
    /// </summary>
    public double SmoothedIou(double smooth = 1) => (TruePositives + smooth) / (TruePositives + FalsePositives + FalseNegatives + smooth);

    /// <summary>The smoothed Dice: (2 TP + smooth) / (|truth| + |prediction| + smooth) = (2 TP + smooth) / (2 TP + FP + FN + smooth).</summary>
    public double SmoothedDice(double smooth = 1) => (2.0 * TruePositives + smooth) / (2.0 * TruePositives + FalsePositives + FalseNegatives + smooth);

    /// <summary>The counts of one image.</summary>
    public static PixelCounts Of(ContingencyTable table) =>
        new(table.TruePositivePixels, table.FalsePositivePixels, table.FalseNegativePixels);

    /// <summary>Pooled counts.</summary>
    public static PixelCounts operator +(PixelCounts a, PixelCounts b) =>
        new(a.TruePositives + b.TruePositives, a.FalsePositives + b.FalsePositives, a.FalseNegatives + b.FalseNegatives);
}
