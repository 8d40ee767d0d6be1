using System.Text.Json.Nodes;
using Research.Plots;

namespace Research.Measurements;

/// <summary>
/// Figures of measured objects as Plotly JSON (built directly, one trace per set so truth and predictions overlay):
/// distributions of the main properties and objects per image.
/// </summary>
public static class MeasurementFigures
{
    /// <summary>The properties whose distributions the report shows: title, axis label, value.</summary>
    public static readonly IReadOnlyList<(string Title, string Axis, Func<RegionProperties, double> Value)> Distributions =
    [
        ("Object area", "area (pixels²)", o => o.Area),
        ("Eccentricity", "eccentricity", o => o.Eccentricity),
        ("Solidity", "solidity (area / convex area)", o => o.Solidity),
        ("Circularity", "circularity (4π area / perimeter²)", o => o.Circularity),
        ("Perimeter", "perimeter (pixels)", o => o.Perimeter),
        ("Maximum Feret diameter", "Feret diameter (pixels)", o => o.FeretDiameterMax),
    ];

    /// <summary>A histogram of <paramref name="value"/> over the objects of each set (non-finite values left out).</summary>
    public static Figure Histogram(string title, string axis, Func<RegionProperties, double> value, IReadOnlyList<(string Name, IReadOnlyList<ImageMeasurement> Images)> sets)
    {
        ArgumentNullException.ThrowIfNull(sets);
        return Histogram(title, axis, "objects", [.. sets.Select(s => (s.Name, s.Images.SelectMany(i => i.Objects).Select(value)))]);
    }

    /// <summary>Overlaid histograms, one trace per named series (non-finite values left out), 60 bins.</summary>
    public static Figure Histogram(string title, string xTitle, string yTitle, IReadOnlyList<(string Name, IEnumerable<double> Values)> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var data = new JsonArray();
        foreach (var (name, values) in series)
        {
            var x = new JsonArray();
            foreach (double v in values) if (double.IsFinite(v)) x.Add(v);
            data.Add(new JsonObject { ["type"] = "histogram", ["name"] = name, ["x"] = x, ["opacity"] = series.Count > 1 ? 0.6 : 1.0, ["nbinsx"] = 60 });
        }
        return new Figure(title, Layout(data, title, xTitle, yTitle));
    }

    /// <summary>A histogram of the number of objects per image, one trace per set.</summary>
    public static Figure ObjectsPerImage(IReadOnlyList<(string Name, IReadOnlyList<ImageMeasurement> Images)> sets)
    {
        ArgumentNullException.ThrowIfNull(sets);
        var data = new JsonArray();
        foreach (var (name, images) in sets)
        {
            data.Add(new JsonObject
            {
                ["type"] = "histogram", ["name"] = name, ["opacity"] = sets.Count > 1 ? 0.6 : 1.0,
                ["x"] = new JsonArray([.. images.Select(i => (JsonNode?)JsonValue.Create(i.Objects.Count))]),
            });
        }
        return new Figure("Objects per image", Layout(data, "Objects per image", "objects in the image", "images"));
    }

    /// <summary>Area against eccentricity, one point per object (hover: image and label).</summary>
    public static Figure AreaVersusEccentricity(IReadOnlyList<(string Name, IReadOnlyList<ImageMeasurement> Images)> sets)
    {
        ArgumentNullException.ThrowIfNull(sets);
        var data = new JsonArray();
        foreach (var (name, images) in sets)
        {
            var pairs = images.SelectMany(i => i.Objects.Select(o => (i.Image, o))).ToList();
            data.Add(new JsonObject
            {
                ["type"] = "scattergl", ["mode"] = "markers", ["name"] = name, ["marker"] = new JsonObject { ["size"] = 3, ["opacity"] = 0.5 },
                ["x"] = new JsonArray([.. pairs.Select(p => (JsonNode?)JsonValue.Create(p.o.Area))]),
                ["y"] = new JsonArray([.. pairs.Select(p => (JsonNode?)JsonValue.Create(p.o.Eccentricity))]),
                ["text"] = new JsonArray([.. pairs.Select(p => (JsonNode?)JsonValue.Create($"{p.Image} #{p.o.Label}"))]),
            });
        }
        JsonObject json = Layout(data, "Area and eccentricity", "area (pixels²)", "eccentricity");
        json["layout"]!["xaxis"]!["type"] = "log";
        return new Figure("Area and eccentricity", json);
    }

    private static JsonObject Layout(JsonArray data, string title, string xTitle, string yTitle) => new()
    {
        ["data"] = data,
        ["layout"] = new JsonObject
        {
            ["title"] = new JsonObject { ["text"] = title },
            ["xaxis"] = new JsonObject { ["title"] = new JsonObject { ["text"] = xTitle } },
            ["yaxis"] = new JsonObject { ["title"] = new JsonObject { ["text"] = yTitle } },
            ["barmode"] = "overlay",
            ["height"] = 420,
            ["margin"] = new JsonObject { ["t"] = 50 },
        },
    };
}
