using Research.Datasets.Manifests;

namespace Research.Datasets;

/// <summary>
/// Where local copies of datasets live: dataset <c>ID</c> is found when the folder <c>ROOT/ID</c> exists, where ROOT
/// is the folder given (<c>--root</c>), else the environment variable <c>RESEARCH_DATA</c>, else <c>./data</c>.
/// </summary>
public static class DatasetLocations
{
    /// <summary>The environment variable naming the data root.</summary>
    public const string Variable = "RESEARCH_DATA";

    /// <summary>The data root: <paramref name="root"/>, else <c>$RESEARCH_DATA</c>, else <c>./data</c> (full path).</summary>
    public static string DataRoot(string? root)
    {
        string? env = Environment.GetEnvironmentVariable(Variable);
        return Path.GetFullPath(root ?? (string.IsNullOrEmpty(env) ? "data" : env));
    }

    /// <summary>The local folder of <paramref name="manifest"/> under <paramref name="dataRoot"/>, or null when absent.</summary>
    public static string? Find(DatasetManifest manifest, string dataRoot)
    {
        string folder = Path.Combine(dataRoot, manifest.Id);
        return Directory.Exists(folder) ? folder : null;
    }
}
