using System.Globalization;
using Microsoft.Data.Analysis;

namespace Research.Datasheets;

/// <summary>The per-image rows as a <see cref="DataFrame"/> (one column per <see cref="ImageRow"/> field, snake_case names), and <c>per_image.csv</c>.</summary>
public static class PerImageFrame
{
    /// <summary>The column names, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "id", "split", "file", "readable", "width", "height", "channels", "bit_depth", "mode", "group", "mean_intensity",
        "median_intensity", "has_truth", "objects", "mean_object_area", "foreground_fraction", "empty_masks",
        "overlapping_pixels", "wrong_size_masks", "unreadable_files", "sha256",
    ];

    /// <summary>The frame of <paramref name="rows"/>.</summary>
    public static DataFrame Build(IReadOnlyList<ImageRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return new DataFrame(
            new StringDataFrameColumn("id", rows.Select(r => r.Id)),
            new StringDataFrameColumn("split", rows.Select(r => r.Split)),
            new StringDataFrameColumn("file", rows.Select(r => r.File)),
            new BooleanDataFrameColumn("readable", rows.Select(r => r.Readable)),
            new Int32DataFrameColumn("width", rows.Select(r => r.Width)),
            new Int32DataFrameColumn("height", rows.Select(r => r.Height)),
            new Int32DataFrameColumn("channels", rows.Select(r => r.Channels)),
            new Int32DataFrameColumn("bit_depth", rows.Select(r => r.BitDepth)),
            new StringDataFrameColumn("mode", rows.Select(DatasheetStats.ModeName)),
            new StringDataFrameColumn("group", rows.Select(r => GroupName(r.Group))),
            new DoubleDataFrameColumn("mean_intensity", rows.Select(r => r.MeanIntensity)),
            new DoubleDataFrameColumn("median_intensity", rows.Select(r => r.MedianIntensity)),
            new BooleanDataFrameColumn("has_truth", rows.Select(r => r.HasTruth)),
            new Int32DataFrameColumn("objects", rows.Select(r => r.Objects)),
            new DoubleDataFrameColumn("mean_object_area", rows.Select(r => r.MeanObjectArea)),
            new DoubleDataFrameColumn("foreground_fraction", rows.Select(r => r.ForegroundFraction)),
            new Int32DataFrameColumn("empty_masks", rows.Select(r => r.EmptyMasks)),
            new Int64DataFrameColumn("overlapping_pixels", rows.Select(r => r.OverlappingPixels)),
            new Int32DataFrameColumn("wrong_size_masks", rows.Select(r => r.WrongSizeMasks)),
            new Int32DataFrameColumn("unreadable_files", rows.Select(r => r.UnreadableFiles)),
            new StringDataFrameColumn("sha256", rows.Select(r => r.Sha256)));
    }

    /// <summary>The kebab-case name of a group (<c>grey-dark</c>, <c>grey-light</c>, <c>colour</c>).</summary>
    public static string GroupName(ImageGroup group) => group switch
    {
        ImageGroup.GreyDark => "grey-dark",
        ImageGroup.GreyLight => "grey-light",
        ImageGroup.Colour => "colour",
        _ => throw new ArgumentOutOfRangeException(nameof(group), group, null),
    };

    /// <summary>Writes <paramref name="frame"/> as CSV (comma-separated, header row, invariant culture) to <paramref name="path"/>, atomically.</summary>
    public static void WriteCsv(DataFrame frame, string path)
    {
        using var buffer = new MemoryStream();
        DataFrame.SaveCsv(frame, buffer, ',', header: true, cultureInfo: CultureInfo.InvariantCulture);
        IO.AtomicFile.WriteAllBytes(path, buffer.ToArray());
    }
}
