using System.Globalization;
using System.Text;

namespace Research.Measurements;

/// <summary>
/// <c>objects.csv</c>: one row per object, the columns of <see cref="Header"/> (invariant culture, doubles
/// round-trip). With a multi-channel intensity image each intensity column repeats per channel with <c>_c0</c>,
/// <c>_c1</c>, ... (all means, then all minima, then all maxima); without one they are empty. A lone pixel's
/// circularity (perimeter 0) is <c>NaN</c>.
/// </summary>
public static class ObjectTable
{
    /// <summary>The geometry columns before the intensity columns.</summary>
    public static readonly IReadOnlyList<string> Geometry =
    [
        "image", "label", "area", "bbox_min_row", "bbox_min_col", "bbox_max_row", "bbox_max_col", "centroid_row", "centroid_col",
        "perimeter", "perimeter_crofton", "eccentricity", "orientation", "major_axis_length", "minor_axis_length",
        "equivalent_diameter", "solidity", "convex_area", "extent", "euler_number", "feret_diameter_max", "filled_area",
    ];

    /// <summary>The header for <paramref name="channels"/> intensity channels (0 or 1: no suffix).</summary>
    public static string Header(int channels)
    {
        IEnumerable<string> Intensity(string name) => channels <= 1 ? [name] : Enumerable.Range(0, channels).Select(c => $"{name}_c{c}");
        return string.Join(",", [.. Geometry, .. Intensity("mean_intensity"), .. Intensity("min_intensity"), .. Intensity("max_intensity"), "circularity", "touches_border"]);
    }

    /// <summary>The whole table for <paramref name="images"/>; the channel count is the largest of any image.</summary>
    public static string ToText(IReadOnlyList<ImageMeasurement> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        int channels = images.Count == 0 ? 0 : images.Max(i => i.Channels);
        var text = new StringBuilder(Header(channels)).Append('\n');
        foreach (ImageMeasurement image in images)
        {
            foreach (RegionProperties o in image.Objects) AppendRow(text, image.Image, o, channels);
        }
        return text.ToString();
    }

    private static void AppendRow(StringBuilder text, string image, RegionProperties o, int channels)
    {
        var c = CultureInfo.InvariantCulture;
        string F(double v) => v.ToString("R", c);
        text.Append(Csv(image)).Append(',').Append(o.Label.ToString(c)).Append(',').Append(o.Area.ToString(c)).Append(',')
            .Append(o.BboxMinRow.ToString(c)).Append(',').Append(o.BboxMinCol.ToString(c)).Append(',')
            .Append(o.BboxMaxRow.ToString(c)).Append(',').Append(o.BboxMaxCol.ToString(c)).Append(',')
            .Append(F(o.CentroidRow)).Append(',').Append(F(o.CentroidCol)).Append(',')
            .Append(F(o.Perimeter)).Append(',').Append(F(o.PerimeterCrofton)).Append(',')
            .Append(F(o.Eccentricity)).Append(',').Append(F(o.Orientation)).Append(',')
            .Append(F(o.MajorAxisLength)).Append(',').Append(F(o.MinorAxisLength)).Append(',')
            .Append(F(o.EquivalentDiameter)).Append(',').Append(F(o.Solidity)).Append(',').Append(o.ConvexArea.ToString(c)).Append(',')
            .Append(F(o.Extent)).Append(',').Append(o.EulerNumber.ToString(c)).Append(',')
            .Append(F(o.FeretDiameterMax)).Append(',').Append(o.FilledArea.ToString(c));
        foreach (double[] values in (double[][])[o.MeanIntensity, o.MinIntensity, o.MaxIntensity])
        {
            for (int ch = 0; ch < Math.Max(1, channels); ch++) text.Append(',').Append(ch < values.Length ? F(values[ch]) : "");
        }
        text.Append(',').Append(F(o.Circularity)).Append(',').Append(o.TouchesBorder ? "true" : "false").Append('\n');
    }

    /// <summary>A CSV field: quoted when it holds a comma, quote or line break.</summary>
    internal static string Csv(string field) =>
        field.AsSpan().IndexOfAny(",\"\n\r") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
