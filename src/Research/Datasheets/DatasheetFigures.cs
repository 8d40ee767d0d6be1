using Research.Plots;

namespace Research.Datasheets;

/// <summary>The figures of <c>datasheet.html</c>, built as Plotly figure JSON from a measured <see cref="Composition"/>.</summary>
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
            return new ScatterTrace([.. sizes.Select(s => (double)s.Key.Width)], [.. sizes.Select(s => (double)s.Key.Height)], ModalityRule.Describe(g.Key))
            {
                Mode = ScatterMode.Markers,
                Text = [.. sizes.Select(s => $"{s.Key.Width}x{s.Key.Height}: {s.Count()} image(s)")],
            };
        }).ToList();
        return Figure.Create("Image sizes", "width (pixels)", "height (pixels)", traces.Count > 0 ? traces : [new ScatterTrace([], []) { Mode = ScatterMode.Markers }]);
    }

    /// <summary>Histogram of objects per annotated image.</summary>
    public static Figure ObjectsPerImage(Composition composition)
    {
        ArgumentNullException.ThrowIfNull(composition);
        double[] values = [.. composition.Rows.Where(r => r.HasTruth).Select(r => (double)r.Objects)];
        return Figure.Create("Objects per image", "objects", "images", new HistogramTrace(values, "images") { MaxBins = 50 });
    }

    /// <summary>Histogram of object areas (pixels).</summary>
    public static Figure ObjectArea(Composition composition)
    {
        ArgumentNullException.ThrowIfNull(composition);
        double[] values = [.. composition.Objects.Select(o => (double)o.Area)];
        return Figure.Create("Object area", "area (pixels)", "objects", new HistogramTrace(values, "objects") { MaxBins = 80 });
    }

    /// <summary>The distribution of grey values (256 bins; 16-bit values by their high byte) per modality group, as fractions of the group's pixels.</summary>
    public static Figure IntensityByGroup(Composition composition)
    {
        ArgumentNullException.ThrowIfNull(composition);
        double[] bins = [.. Enumerable.Range(0, 256).Select(b => (double)b)];
        var traces = composition.Totals.GreyByGroup.OrderBy(p => p.Key).Select(p =>
        {
            double total = Math.Max(1, p.Value.Sum());
            return new ScatterTrace(bins, [.. p.Value.Select(v => v / total)], ModalityRule.Describe(p.Key));
        }).ToList();
        return Figure.Create("Grey-value distribution by modality group", "grey value (8-bit scale)", "fraction of the group's pixels",
            traces.Count > 0 ? traces : [new ScatterTrace([], [])]);
    }

    /// <summary>Histogram of the foreground fraction of annotated images.</summary>
    public static Figure ForegroundFraction(Composition composition)
    {
        ArgumentNullException.ThrowIfNull(composition);
        double[] values = [.. composition.Rows.Where(r => r.HasTruth && !double.IsNaN(r.ForegroundFraction)).Select(r => r.ForegroundFraction)];
        return Figure.Create("Foreground fraction", "fraction of pixels in objects", "images", new HistogramTrace(values, "images") { MaxBins = 50 });
    }
}
