using Research.Plots;
using CChart = Plotly.NET.CSharp.Chart;

namespace Research.Datasheets;

/// <summary>The figures of <c>datasheet.html</c>, made with Plotly.NET from a measured <see cref="Composition"/>.</summary>
public static class DatasheetFigures
{
    /// <summary>All figures: objects per image, object area, image sizes, intensity by modality group, foreground fraction.</summary>
    public static IReadOnlyList<Figure> All(Composition composition)
    {
        ArgumentNullException.ThrowIfNull(composition);
        return [ObjectsPerImage(composition), ObjectArea(composition), Sizes(composition), IntensityByGroup(composition), ForegroundFraction(composition)];
    }

    /// <summary>Width versus height, one marker per distinct size, one trace per modality group (hover shows the count).</summary>
    public static Figure Sizes(Composition composition)
    {
        ArgumentNullException.ThrowIfNull(composition);
        var traces = composition.Rows.Where(r => r.Readable).GroupBy(r => r.Group).OrderBy(g => g.Key).Select(g =>
        {
            var sizes = g.GroupBy(r => (r.Width, r.Height)).ToList();
            return CChart.Point<int, int, string>(x: sizes.Select(s => s.Key.Width).ToArray(), y: sizes.Select(s => s.Key.Height).ToArray(),
                Name: ModalityRule.Describe(g.Key), MultiText: sizes.Select(s => $"{s.Key.Width}x{s.Key.Height}: {s.Count()} image(s)").ToArray());
        }).ToList();
        return Figure.From(CChart.Combine(traces.Count > 0 ? traces : [CChart.Point<int, int, string>(x: [], y: [])]), "Image sizes", "width (pixels)", "height (pixels)");
    }

    /// <summary>Histogram of objects per annotated image.</summary>
    public static Figure ObjectsPerImage(Composition composition)
    {
        ArgumentNullException.ThrowIfNull(composition);
        var values = composition.Rows.Where(r => r.HasTruth).Select(r => r.Objects).ToArray();
        return Figure.From(CChart.Histogram<int, int, string>(X: values, Name: "images", NBinsX: 50), "Objects per image", "objects", "images");
    }

    /// <summary>Histogram of object areas (pixels).</summary>
    public static Figure ObjectArea(Composition composition)
    {
        ArgumentNullException.ThrowIfNull(composition);
        var values = composition.Objects.Select(o => o.Area).ToArray();
        return Figure.From(CChart.Histogram<int, int, string>(X: values, Name: "objects", NBinsX: 80), "Object area", "area (pixels)", "objects");
    }

    /// <summary>The distribution of grey values (256 bins; 16-bit values by their high byte) per modality group, as fractions of the group's pixels.</summary>
    public static Figure IntensityByGroup(Composition composition)
    {
        ArgumentNullException.ThrowIfNull(composition);
        var bins = Enumerable.Range(0, 256).ToArray();
        var traces = composition.Totals.GreyByGroup.OrderBy(p => p.Key).Select(p =>
        {
            double total = Math.Max(1, p.Value.Sum());
            return CChart.Line<int, double, string>(x: bins, y: p.Value.Select(v => v / total).ToArray(), Name: ModalityRule.Describe(p.Key));
        }).ToList();
        return Figure.From(CChart.Combine(traces.Count > 0 ? traces : [CChart.Line<int, double, string>(x: [], y: [])]),
            "Grey-value distribution by modality group", "grey value (8-bit scale)", "fraction of the group's pixels");
    }

    /// <summary>Histogram of the foreground fraction of annotated images.</summary>
    public static Figure ForegroundFraction(Composition composition)
    {
        ArgumentNullException.ThrowIfNull(composition);
        var values = composition.Rows.Where(r => r.HasTruth && !double.IsNaN(r.ForegroundFraction)).Select(r => r.ForegroundFraction).ToArray();
        return Figure.From(CChart.Histogram<double, double, string>(X: values, Name: "images", NBinsX: 50), "Foreground fraction", "fraction of pixels in objects", "images");
    }
}
