namespace Research.Datasheets;

/// <summary>
/// <c>stats.json</c>: the headline numbers, with exactly these keys (snake_case): <c>images</c>, <c>objects</c>,
/// <c>objects_per_image</c>, <c>object_area</c>, <c>sizes</c> ("WxH" → images), <c>modes</c> (Pillow-style colour
/// mode → images: <c>L</c>, <c>LA</c>, <c>RGB</c>, <c>RGBA</c>, with <c>;16</c> appended for 16-bit), <c>empty_masks</c>,
/// <c>overlapping_pixels</c>, <c>duplicate_images</c> (images whose pixels equal an earlier image's).
/// </summary>
/// <param name="Images">Images measured (readable or not).</param>
/// <param name="Objects">Objects in the truth.</param>
/// <param name="ObjectsPerImage">Objects per annotated image.</param>
/// <param name="ObjectArea">Object area in pixels.</param>
/// <param name="Sizes">Images per size, largest count first.</param>
/// <param name="Modes">Images per colour mode.</param>
/// <param name="EmptyMasks">Object masks without a foreground pixel.</param>
/// <param name="OverlappingPixels">Pixels claimed by more than one object mask.</param>
/// <param name="DuplicateImages">Images whose pixels equal an earlier image's.</param>
public sealed record DatasheetStats(int Images, int Objects, Summary ObjectsPerImage, Summary ObjectArea,
    IReadOnlyDictionary<string, int> Sizes, IReadOnlyDictionary<string, int> Modes, int EmptyMasks, long OverlappingPixels, int DuplicateImages)
{
    /// <summary>The numbers of <paramref name="composition"/>.</summary>
    public static DatasheetStats From(Composition composition)
    {
        ArgumentNullException.ThrowIfNull(composition);
        var rows = composition.Rows;
        var readable = rows.Where(r => r.Readable).ToList();
        return new DatasheetStats(
            rows.Count,
            rows.Sum(r => r.Objects),
            Summary.Of(rows.Where(r => r.HasTruth).Select(r => (double)r.Objects)),
            Summary.Of(composition.Objects.Select(o => (double)o.Area)),
            Ordered(readable.GroupBy(SizeKey)),
            Ordered(readable.GroupBy(ModeName)),
            rows.Sum(r => r.EmptyMasks),
            rows.Sum(r => r.OverlappingPixels),
            composition.DuplicateGroups.Sum(g => g.Count - 1));
    }

    /// <summary>"WxH" of a row.</summary>
    public static string SizeKey(ImageRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return $"{row.Width}x{row.Height}";
    }

    /// <summary>The Pillow-style mode name of a row (<c>L</c>, <c>LA</c>, <c>RGB</c>, <c>RGBA</c>; <c>;16</c> appended for 16-bit, <c>;32</c> for 32-bit).</summary>
    public static string ModeName(ImageRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        string name = row.Mode switch
        {
            ColourMode.Grey => "L",
            ColourMode.GreyAlpha => "LA",
            ColourMode.Rgb => "RGB",
            ColourMode.Rgba => "RGBA",
            _ => $"C{row.Channels}",
        };
        return row.BitDepth == 8 ? name : $"{name};{row.BitDepth}";
    }

    private static Dictionary<string, int> Ordered(IEnumerable<IGrouping<string, ImageRow>> groups) =>
        groups.OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
}
