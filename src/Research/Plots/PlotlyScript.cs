namespace Research.Plots;

/// <summary>
/// plotly.js 2.28.0 (minified, MIT licence), embedded in this assembly as <c>Research.Plots.plotly.min.js</c> so reports
/// and notebooks need no network. The bundle is copied at build time out of the Plotly.NET 6.0.0 package, which is
/// never loaded (environment/msbuild/PlotlyJs.targets; why: environment/README.md, "Figures in the kernel").
/// </summary>
public static class PlotlyScript
{
    private const string ResourceName = "Research.Plots.plotly.min.js";
    private static readonly Lazy<string> Text = new(Load);

    /// <summary>The minified plotly.js source.</summary>
    public static string Source => Text.Value;

    /// <summary>The plotly.js version.</summary>
    public const string Version = "2.28.0";

    private static string Load()
    {
        var assembly = typeof(PlotlyScript).Assembly;
        using Stream stream = assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} has no resource {ResourceName}: it was built without plotly.js; rebuild it (dotnet build src/Research).");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
