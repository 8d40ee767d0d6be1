using System.Globalization;
using Research.Plots;

namespace Research.Measurements;

/// <summary><c>report.html</c> of <c>research measure</c>: counts, the property distributions and objects per image, each set overlaid.</summary>
public static class MeasurementReport
{
    /// <summary>The report's blocks.</summary>
    public static IReadOnlyList<ReportBlock> Blocks(IReadOnlyList<(string Name, IReadOnlyList<ImageMeasurement> Images)> sets)
    {
        ArgumentNullException.ThrowIfNull(sets);
        var c = CultureInfo.InvariantCulture;
        var blocks = new List<ReportBlock>();
        foreach (var (name, images) in sets)
        {
            var objects = images.SelectMany(i => i.Objects).ToList();
            blocks.Add(new TextBlock(string.Format(c, "{0}: {1} images, {2} objects ({3} touching the border), median area {4} pixels, {5} images without objects.",
                name, images.Count, objects.Count, objects.Count(o => o.TouchesBorder),
                objects.Count == 0 ? "-" : Median(objects.Select(o => (double)o.Area)).ToString("0.#", c), images.Count(i => i.Objects.Count == 0))));
        }
        blocks.Add(new FigureBlock(MeasurementFigures.ObjectsPerImage(sets)));
        foreach (var (title, axis, value) in MeasurementFigures.Distributions) blocks.Add(new FigureBlock(MeasurementFigures.Histogram(title, axis, value, sets)));
        blocks.Add(new FigureBlock(MeasurementFigures.AreaVersusEccentricity(sets)));
        return blocks;
    }

    /// <summary>Writes the report to <paramref name="path"/>.</summary>
    public static void Write(string path, string title, IReadOnlyList<(string Name, IReadOnlyList<ImageMeasurement> Images)> sets) =>
        OfflineHtml.Write(path, $"Objects of {title}", Blocks(sets));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        int n = sorted.Length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
