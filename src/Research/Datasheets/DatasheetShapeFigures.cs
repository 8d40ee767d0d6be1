using Research.Measurements;
using Research.Plots;

namespace Research.Datasheets;

/// <summary>
/// The per-object shape figures of <c>datasheet.html</c>: distributions of eccentricity, solidity and circularity of
/// the truth's objects, from their region properties (<see cref="RegionMeasurer"/>; the area histogram is among
/// <see cref="DatasheetFigures"/>).
/// </summary>
public static class DatasheetShapeFigures
{
    /// <summary>Eccentricity, solidity and circularity histograms.</summary>
    public static IReadOnlyList<Figure> All(Composition composition)
    {
        ArgumentNullException.ThrowIfNull(composition);
        return
        [
            Shape(composition, "Object eccentricity", "eccentricity (0 disc, 1 line)", o => o.Eccentricity),
            Shape(composition, "Object solidity", "solidity (area / convex area)", o => o.Solidity),
            Shape(composition, "Object circularity", "circularity (4π area / perimeter²)", o => o.Circularity),
        ];
    }

    private static Figure Shape(Composition composition, string title, string axis, Func<ObjectShape, double> value) =>
        MeasurementFigures.Histogram(title, axis, "objects", [("objects", composition.Objects.Select(value))]);
}
