namespace Research.Reproductions;

/// <summary>
/// Where the BH2019 kidney EM nucleus data are (the layout of <c>../shared/data/bh2019</c>, see the manifest
/// <c>bh2019-kidney-em-nucleus</c>) and how its published predictions pair with the test images: the k-th file
/// <c>NNNN_05_Test_Res_DL_Pred_Binary.png</c> (k = 1..7) belongs to the k-th test image in ordinal order.
/// </summary>
/// <param name="Root">The dataset folder holding <c>train</c>, <c>test</c>, <c>blank</c> and <c>published-test-predictions</c>.</param>
public sealed record Bh2019Data(string Root)
{
    /// <summary>The manifest id.</summary>
    public const string ManifestId = "bh2019-kidney-em-nucleus";

    /// <summary>The file pattern of the published binary predictions.</summary>
    public const string PublishedPattern = "*_05_Test_Res_DL_Pred_Binary.png";

    /// <summary>The environment variable that overrides the search (as the quality scripts read it).</summary>
    public const string EnvironmentVariable = "BH2019_ROOT";

    /// <summary>
    /// The data folder: <c>$BH2019_ROOT</c> when set, else the first <c>shared/data/bh2019</c> found in
    /// <paramref name="start"/> or a folder above it; null when there is none.
    /// </summary>
    public static Bh2019Data? Find(string start)
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } env && Directory.Exists(env)) return new Bh2019Data(Path.GetFullPath(env));
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "data", "bh2019");
            if (Directory.Exists(Path.Combine(candidate, "test"))) return new Bh2019Data(candidate);
        }
        return null;
    }

    /// <summary>A split's image folder (<c>train</c>, <c>test</c> or <c>blank</c>).</summary>
    public string Images(string split) => Path.Combine(Root, split, "images");

    /// <summary>A split's mask folder.</summary>
    public string Masks(string split) => Path.Combine(Root, split, "masks");

    /// <summary>The test image ids (file stems) in ordinal order: the order the published predictions are numbered in.</summary>
    public IReadOnlyList<string> TestIds() =>
        [.. Directory.EnumerateFiles(Images("test"), "*.png").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!];

    /// <summary>The published prediction of test image <paramref name="id"/> (by its position in <see cref="TestIds"/>).</summary>
    public string PublishedPrediction(string id)
    {
        int k = TestIds().ToList().IndexOf(id);
        if (k < 0) throw new InputException($"{Images("test")}: no test image '{id}'.");
        return Path.Combine(Root, "published-test-predictions", $"{k + 1:0000}_05_Test_Res_DL_Pred_Binary.png");
    }
}
