using System.Reflection;

namespace Research.Plots;

/// <summary>
/// plotly.js as shipped inside Plotly.NET 6.0.0 (embedded resource <c>Plotly.NET.plotly-2.28.0.min.js</c> of
/// Plotly.NET.dll), so reports need no network.
/// </summary>
public static class PlotlyScript
{
    private const string ResourceName = "Plotly.NET.plotly-2.28.0.min.js";
    private static readonly Lazy<string> Text = new(Load);

    /// <summary>The minified plotly.js source.</summary>
    public static string Source => Text.Value;

    /// <summary>The plotly.js version.</summary>
    public const string Version = "2.28.0";

    private static string Load()
    {
        Assembly plotly = typeof(Plotly.NET.GenericChart).Assembly;
        using Stream stream = plotly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{plotly.GetName().Name} has no resource {ResourceName}; resources: {string.Join(", ", plotly.GetManifestResourceNames())}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
