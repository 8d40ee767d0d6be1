using System.Globalization;
using System.Text;

namespace Research.Measurements;

/// <summary>
/// <c>images.csv</c>: one row per image, <c>image,width,height,objects,total_area,mean_area,coverage</c> (mean area
/// empty for an image without objects; coverage = total area / pixels).
/// </summary>
public static class ImageTable
{
    /// <summary>The header line.</summary>
    public const string Header = "image,width,height,objects,total_area,mean_area,coverage";

    /// <summary>The whole table.</summary>
    public static string ToText(IReadOnlyList<ImageMeasurement> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder(Header).Append('\n');
        foreach (ImageMeasurement i in images)
        {
            text.Append(ObjectTable.Csv(i.Image)).Append(',').Append(i.Width.ToString(c)).Append(',').Append(i.Height.ToString(c)).Append(',')
                .Append(i.Objects.Count.ToString(c)).Append(',').Append(i.TotalArea.ToString(c)).Append(',')
                .Append(i.Objects.Count == 0 ? "" : i.MeanArea.ToString("R", c)).Append(',').Append(i.Coverage.ToString("R", c)).Append('\n');
        }
        return text.ToString();
    }
}
