using System.Globalization;
using Research.Datasets.Validation;

namespace Research.Datasheets;

/// <summary>The measured tables of each <see cref="ComputedTable"/>, from a <see cref="Composition"/>.</summary>
public static class ComputedTables
{
    /// <summary>What a computed part says when no data were given.</summary>
    public const string NotMeasured = "Not measured: data not available locally.";

    /// <summary>Most rows of long tables (sizes, problems, ids); the rest is counted in the table's note.</summary>
    public const int MaxRows = 25;

    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>The tables answering <paramref name="table"/> (empty when nothing was measured).</summary>
    public static IReadOnlyList<DatasheetTable> For(ComputedTable table, Composition composition)
    {
        ArgumentNullException.ThrowIfNull(composition);
        if (!composition.Measured) return [];
        return table switch
        {
            ComputedTable.Counts => [Counts(composition)],
            ComputedTable.ImageFormat => [Sizes(composition), Modes(composition), Groups(composition), Intensities(composition)],
            ComputedTable.Objects => [Objects(composition), Classes(composition)],
            ComputedTable.Missing => [Missing(composition)],
            ComputedTable.Problems => [ProblemCounts(composition), ProblemList(composition)],
            _ => throw new ArgumentOutOfRangeException(nameof(table), table, null),
        };
    }

    /// <summary>A number with up to <paramref name="decimals"/> decimals, invariant culture; "–" for null or NaN.</summary>
    public static string Number(double? value, int decimals = 2) =>
        value is not { } v || double.IsNaN(v) ? "–" : Math.Round(v, decimals).ToString("0.##########", C);

    private static DatasheetTable Counts(Composition c)
    {
        var rows = c.Splits.Select(s => Row(s.Name, s.Folder, s.Images.ToString(C), s.Annotated.ToString(C), s.Objects.ToString(C))).ToList();
        if (c.Splits.Count > 1) rows.Add(Row("total", "", c.Splits.Sum(s => s.Images).ToString(C), c.Splits.Sum(s => s.Annotated).ToString(C), c.Splits.Sum(s => s.Objects).ToString(C)));
        return new DatasheetTable("Images and objects per split (measured)", ["split", "folder", "images", "with truth", "objects"], rows,
            $"Measured under {Research.IO.OutputFolder.FinalPath(c.Root)} in {c.Seconds.ToString("0.0", C)} s.");
    }

    private static DatasheetTable Sizes(Composition c)
    {
        var sizes = DatasheetStats.From(c).Sizes.ToList();
        var rows = sizes.Take(MaxRows).Select(p => Row(p.Key, p.Value.ToString(C))).ToList();
        return new DatasheetTable("Image sizes (width x height)", ["size", "images"], rows,
            sizes.Count > MaxRows ? $"{sizes.Count - MaxRows} more sizes in per_image.csv." : $"{sizes.Count} distinct size(s).");
    }

    private static DatasheetTable Modes(Composition c)
    {
        var rows = c.Rows.Where(r => r.Readable).GroupBy(r => (DatasheetStats.ModeName(r), r.Channels, r.BitDepth))
            .OrderByDescending(g => g.Count()).Select(g => Row(g.Key.Item1, g.Key.Channels.ToString(C), g.Key.BitDepth.ToString(C), g.Count().ToString(C))).ToList();
        return new DatasheetTable("Channels, bit depth and colour mode", ["mode", "channels", "bits", "images"], rows,
            "Modes as Pillow names them: L grey, LA grey+alpha, RGB, RGBA; ';16' marks 16-bit files.");
    }

    private static DatasheetTable Groups(Composition c)
    {
        var rows = c.Rows.Where(r => r.Readable).GroupBy(r => r.Group).OrderBy(g => g.Key)
            .Select(g => Row(ModalityRule.Describe(g.Key), g.Count().ToString(C), Number(Summary.Of(g.Select(r => r.MedianIntensity)).Median, 1))).ToList();
        return new DatasheetTable("Modality groups", ["group", "images", "median of image medians"], rows,
            "Rule: grey when one channel or R = G = B at every pixel (alpha ignored), else colour (stained tissue); a grey image whose median is below half of its value range (128 for 8-bit) has a dark background (fluorescence), otherwise a light one (brightfield).");
    }

    private static DatasheetTable Intensities(Composition c)
    {
        var rows = c.Totals.Channels.OrderBy(p => p.Key.BitDepth).ThenBy(p => ChannelOrder(p.Key.Channel)).Select(p =>
        {
            IntensityStats s = p.Value.Stats();
            return Row(p.Key.Channel, p.Key.BitDepth.ToString(C), s.Pixels.ToString(C), Number(s.Mean), Number(s.Std), Number(s.Min), Number(s.Max), Number(s.P0_5), Number(s.P99_5));
        }).ToList();
        return new DatasheetTable("Intensity per channel (all pixels of all images)", ["channel", "bits", "pixels", "mean", "std", "min", "max", "p0.5", "p99.5"], rows,
            "Percentiles interpolate linearly between ranks, as NumPy's default; computed from per-value histograms.");
    }

    private static int ChannelOrder(string name) => name switch { "grey" => 0, "red" => 1, "green" => 2, "blue" => 3, "alpha" => 5, _ => 4 };

    private static DatasheetTable Objects(Composition c)
    {
        var stats = DatasheetStats.From(c);
        var annotated = c.Rows.Where(r => r.HasTruth).ToList();
        return new DatasheetTable("Objects", ["measure", "min", "median", "mean", "max"],
        [
            SummaryRow("objects per annotated image", stats.ObjectsPerImage),
            SummaryRow("object area (pixels)", stats.ObjectArea),
            SummaryRow("object eccentricity", Summary.Of(c.Objects.Select(o => o.Eccentricity))),
            SummaryRow("object solidity", Summary.Of(c.Objects.Select(o => o.Solidity))),
            SummaryRow("object circularity", Summary.Of(c.Objects.Select(o => o.Circularity).Where(double.IsFinite))),
            SummaryRow("foreground fraction per annotated image", Summary.Of(annotated.Select(r => r.ForegroundFraction).Where(v => !double.IsNaN(v)))),
        ], "Shapes as scikit-image regionprops (research measure): eccentricity of the ellipse with the object's second moments (0 disc, towards 1 elongated); solidity = area / convex area; circularity = 4 pi area / perimeter² (one-pixel objects, of perimeter 0, left out).");
    }

    private static IReadOnlyList<string> SummaryRow(string name, Summary s) => Row(name, Number(s.Min), Number(s.Median), Number(s.Mean), Number(s.Max));

    private static DatasheetTable Classes(Composition c)
    {
        long total = c.Totals.ClassPixels.Values.Sum();
        var rows = c.Totals.ClassPixels.OrderBy(p => p.Key).Select(p => Row(p.Key.ToString(C), p.Value.ToString(C),
            Number(total == 0 ? null : (double)p.Value / total, 4), c.Totals.ClassImages.GetValueOrDefault(p.Key).ToString(C))).ToList();
        return new DatasheetTable("Class frequencies of the truth", ["value", "pixels", "fraction", "images containing it"], rows,
            "Semantic masks: the stored class values (binary masks as 0/1). Instance truth: 0 background, 1 any object.");
    }

    private static DatasheetTable Missing(Composition c)
    {
        var without = c.Rows.Where(r => !r.HasTruth).Select(r => $"{r.Split}/{r.Id}").ToList();
        var unreadable = c.Problems.Where(p => p.Kind == ProblemKind.Unreadable).ToList();
        var rows = new List<IReadOnlyList<string>>
        {
            Row("images without truth files", without.Count.ToString(C), string.Join(", ", without.Take(10)) + (without.Count > 10 ? ", ..." : "")),
            Row("images without any object", c.Rows.Count(r => r.HasTruth && r.Objects == 0).ToString(C), ""),
            Row("files that could not be read", unreadable.Count.ToString(C), string.Join(", ", unreadable.Take(5).Select(p => Path.GetFileName(p.Path)))),
        };
        return new DatasheetTable("Missing information", ["what", "count", "examples"], rows);
    }

    private static DatasheetTable ProblemCounts(Composition c)
    {
        var s = DatasheetStats.From(c);
        return new DatasheetTable("Problems found", ["problem", "count"],
        [
            Row("empty object masks", s.EmptyMasks.ToString(C)),
            Row("overlapping instance pixels", s.OverlappingPixels.ToString(C)),
            Row("masks of the wrong size", c.Rows.Sum(r => r.WrongSizeMasks).ToString(C)),
            Row("images without masks", c.Rows.Count(r => !r.HasTruth).ToString(C)),
            Row("duplicate images (same pixels as an earlier one)", s.DuplicateImages.ToString(C)),
            Row("unreadable files", c.Problems.Count(p => p.Kind == ProblemKind.Unreadable).ToString(C)),
            Row("other listing problems (layout reader)", c.Problems.Count(p => p.Kind is ProblemKind.MissingImage or ProblemKind.MissingMasks or ProblemKind.UnsafePath).ToString(C)),
        ]);
    }

    private static DatasheetTable ProblemList(Composition c) =>
        new("Problem details", ["kind", "file", "problem"],
            [.. c.Problems.Take(MaxRows).Select(p => Row(p.Kind.ToString(), Path.GetRelativePath(c.Root, p.Path).Replace('\\', '/'), p.Message))],
            c.Problems.Count == 0 ? "No problem found." : c.Problems.Count > MaxRows ? $"{c.Problems.Count - MaxRows} more problem(s) not listed." : "");

    private static IReadOnlyList<string> Row(params string[] cells) => cells;
}
