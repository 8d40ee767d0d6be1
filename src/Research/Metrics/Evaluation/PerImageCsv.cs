using System.Globalization;
using System.Text;

namespace Research.Metrics.Evaluation;

/// <summary>
/// per_image.csv: one row per image with every per-image value (counts and scores), invariant culture, header
/// first. Matching columns repeat per threshold as <c>match_TAU_*</c>; DSB2018 per-threshold scores are
/// <c>dsb2018_t050</c> ... <c>dsb2018_t095</c>; boundary columns are empty when not computed.
/// </summary>
public static class PerImageCsv
{
    /// <summary>Writes the table to <paramref name="writer"/>.</summary>
    public static void Write(TextWriter writer, IReadOnlyList<ImageMetrics> images, EvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(options);
        writer.Write("id,width,height,missing_prediction,n_true,n_pred,pixel_tp,pixel_fp,pixel_fn,pixel_iou,pixel_dice,pixel_precision,pixel_recall,dsb2018");
        foreach (double t in Dsb2018Score.Thresholds) writer.Write(string.Create(CultureInfo.InvariantCulture, $",dsb2018_t{(int)Math.Round(t * 100):000}"));
        foreach (double tau in options.Taus)
        {
            string k = EvaluationOptions.TauKey(tau);
            writer.Write($",match_{k}_tp,match_{k}_fp,match_{k}_fn,match_{k}_precision,match_{k}_recall,match_{k}_f1,match_{k}_mean_matched_iou,match_{k}_pq");
        }
        writer.Write(",ctc_seg,ctc_det,ctc_ns,ctc_fn,ctc_fp,centroid_tp,centroid_fp,centroid_fn,centroid_precision,centroid_recall,centroid_f1,hd95,nsd\n");
        foreach (var m in images) writer.Write(Row(m));
    }

    /// <summary>Writes the table to a string.</summary>
    public static string ToText(IReadOnlyList<ImageMetrics> images, EvaluationOptions options)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer, images, options);
        return writer.ToString();
    }

    private static string Row(ImageMetrics m)
    {
        var values = new List<string>
        {
            Quote(m.Id), N(m.Width), N(m.Height), m.MissingPrediction ? "true" : "false", N(m.TrueObjects), N(m.PredictedObjects),
            N(m.Pixel.TruePositives), N(m.Pixel.FalsePositives), N(m.Pixel.FalseNegatives),
            D(m.Pixel.Iou), D(m.Pixel.Dice), D(m.Pixel.Precision), D(m.Pixel.Recall), D(m.Dsb2018),
        };
        values.AddRange(m.Dsb2018PerThreshold.Select(D));
        foreach (var c in m.Matching)
        {
            values.AddRange([N(c.TruePositives), N(c.FalsePositives), N(c.FalseNegatives), D(c.Precision), D(c.Recall), D(c.F1), D(c.MeanMatchedIou), D(c.PanopticQuality)]);
        }
        values.AddRange([D(m.Ctc.Seg), D(m.Ctc.Det), N(m.Ctc.Splits), N(m.Ctc.Misses), N(m.Ctc.Extras)]);
        var cen = m.Centroid;
        values.AddRange([N(cen.TruePositives), N(cen.FalsePositives), N(cen.FalseNegatives), D(cen.Precision), D(cen.Recall), D(cen.F1)]);
        values.Add(m.Hd95 is { } h ? D(h) : "");
        values.Add(m.Nsd is { } n ? D(n) : "");
        return string.Join(',', values) + "\n";
    }

    private static string N(long v) => v.ToString(CultureInfo.InvariantCulture);

    private static string D(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string Quote(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) < 0 ? s : "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
