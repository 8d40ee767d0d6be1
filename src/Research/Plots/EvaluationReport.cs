using System.Globalization;
using Research.Metrics;

namespace Research.Plots;

/// <summary>report.html of <c>research evaluate</c>: the headline numbers, the metric figures and the worst-image gallery.</summary>
public static class EvaluationReport
{
    /// <summary>Images in the gallery. <value>The default value is 6.</value></summary>
    public const int GalleryCount = 6;

    /// <summary>The report's blocks; <paramref name="worst"/> are the label pairs of the gallery (may be empty).</summary>
    public static IReadOnlyList<ReportBlock> Blocks(IReadOnlyList<ImageMetrics> images, EvaluationSummary summary, EvaluationOptions options, IReadOnlyList<LabelPair> worst)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var c = CultureInfo.InvariantCulture;
        string tau = EvaluationOptions.TauKey(options.Taus[0]);
        var blocks = new List<ReportBlock>
        {
            new TextBlock(string.Format(c,
                "{0} images. DSB2018 score {1:F4}; pixel IoU {2:F4} (micro), {3:F4} (macro); F1 at IoU > {4}: {5:F4}; PQ {6:F4}; CTC SEG {7:F4}, DET {8:F4}; counting MAE {9:F2}.",
                summary.Images, summary.Dsb2018Score, summary.Pixel.Iou, summary.PixelMacro.Iou, tau, summary.Matching[tau].F1,
                summary.Matching[tau].Pq, summary.Ctc.Seg, summary.Ctc.Det, summary.Counting.Mae)),
            new FigureBlock(MetricFigures.ScoreVersusThreshold(images)),
            new FigureBlock(MetricFigures.PerImageDistributions(images, options)),
            new FigureBlock(MetricFigures.Counts(images)),
        };
        if (worst.Count > 0)
        {
            blocks.Add(new PictureBlock(
                $"The {worst.Count} images with the lowest DSB2018 score ({string.Join(", ", worst.Select(p => p.Id))}): truth outlines left, prediction outlines right",
                WorstGallery.Png(worst)));
        }
        return blocks;
    }

    /// <summary>Writes report.html into <paramref name="folder"/>, re-reading only the gallery's images from <paramref name="source"/>.</summary>
    public static void Write(string folder, ILabelPairSource source, IReadOnlyList<ImageMetrics> images, EvaluationSummary summary, EvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(source);
        var ids = WorstGallery.Pick(images, GalleryCount).ToHashSet(StringComparer.Ordinal);
        var worst = source.Pairs().Where(p => ids.Contains(p.Id)).ToList();
        var order = WorstGallery.Pick(images, GalleryCount).ToList();
        worst.Sort((a, b) => order.IndexOf(a.Id).CompareTo(order.IndexOf(b.Id)));
        OfflineHtml.Write(Path.Combine(folder, "report.html"), "Evaluation report", Blocks(images, summary, options, worst));
    }
}
