using System.Text.Json.Nodes;
using Research.Plots;

namespace Research.Reproductions;

/// <summary>The BH2019 reproduction's figures, as Plotly figure JSON (<see cref="Figure"/>).</summary>
public static class Bh2019Figures
{
    /// <summary>Per-image pixel IoU of each named set of predictions (grouped bars per test image).</summary>
    public static Figure PerImageIou(IReadOnlyList<(string Name, IReadOnlyList<PerImageScore> Images)> sets)
    {
        ArgumentNullException.ThrowIfNull(sets);
        var data = new JsonArray();
        foreach (var (name, images) in sets)
        {
            data.Add(new JsonObject
            {
                ["type"] = "bar",
                ["name"] = name,
                ["x"] = new JsonArray([.. images.Select(i => (JsonNode?)JsonValue.Create(i.Id))]),
                ["y"] = new JsonArray([.. images.Select(i => (JsonNode?)JsonValue.Create(i.Iou))]),
            });
        }
        return Make("Pixel IoU per test image", data, "test image", "pixel IoU", (0, 1), "group");
    }

    /// <summary>Mean per-image test IoU of each amplification setting, with the standard deviation over seeds as error bars (none for a single seed).</summary>
    public static Figure Amplification(IReadOnlyList<AmplificationSetting> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var bars = new JsonObject
        {
            ["type"] = "bar",
            ["name"] = "mean per-image IoU",
            ["x"] = new JsonArray([.. settings.Select(s => (JsonNode?)JsonValue.Create($"{s.Setting} ({s.Seeds} seed{(s.Seeds == 1 ? "" : "s")})"))]),
            ["y"] = new JsonArray([.. settings.Select(s => (JsonNode?)JsonValue.Create(s.IouMean))]),
        };
        // no error bars where no setting has two seeds: plotly would draw a cap of zero length, which reads as "no spread"
        if (settings.Any(s => s.IouSd is not null))
            bars["error_y"] = new JsonObject { ["type"] = "data", ["array"] = new JsonArray([.. settings.Select(s => (JsonNode?)JsonValue.Create(s.IouSd))]) };
        var data = new JsonArray { bars };
        return Make("Test IoU by training-image amplification (equal training steps)", data, "amplification", "mean per-image pixel IoU", (0, 1), null);
    }

    private static Figure Make(string title, JsonArray data, string xTitle, string yTitle, (double Min, double Max) yRange, string? barmode)
    {
        var layout = new JsonObject
        {
            ["title"] = new JsonObject { ["text"] = title },
            ["xaxis"] = new JsonObject { ["title"] = new JsonObject { ["text"] = xTitle } },
            ["yaxis"] = new JsonObject { ["title"] = new JsonObject { ["text"] = yTitle }, ["range"] = new JsonArray(yRange.Min, yRange.Max) },
            ["height"] = 420,
            ["margin"] = new JsonObject { ["t"] = 50 },
        };
        if (barmode is not null) layout["barmode"] = barmode;
        return new Figure(title, new JsonObject { ["data"] = data, ["layout"] = layout });
    }
}
