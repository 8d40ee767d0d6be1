using System.Globalization;
using Research.Benchmarks.Harness;
using Research.Datasets.Manifests;
using Research.Datasheets;

namespace Research.Benchmarks.Cases;

/// <summary>
/// <c>research datasheet dsb2018</c> on the real stage1_train (670 images, 29,461 mask PNGs, read in place from
/// ../shared/data): every file hashed and decoded, every statistic of the datasheet, and all outputs written (md,
/// html with figures, Croissant, stats.json, per_image.csv). Reference: tests/reference/datasheet_stats.py, the same
/// statistics written plainly with Pillow and NumPy (it writes no files). Targets: ours at most 25 s and at most 0.3 of
/// the reference. The fixture facts record our process's peak resident memory (VmHWM) after the runs.
/// </summary>
public sealed class DatasheetDsb2018Case : IBenchmarkCase
{
    /// <inheritdoc />
    public string Name => "datasheet-dsb2018";

    /// <inheritdoc />
    public string What => "datasheet of DSB2018 stage1_train (30,131 PNG)";

    /// <inheritdoc />
    public RunCounts FullCounts => new(1, 3);

    /// <inheritdoc />
    public RunCounts QuickCounts => new(0, 1);

    /// <inheritdoc />
    public CasePlan Prepare(CaseContext context)
    {
        string root = RepositoryPaths.SharedDsb2018("stage1_train");
        DatasetManifest manifest = ManifestRegistry.Load(RepositoryPaths.Manifests()).Get("dsb2018");
        string outDir = Path.Combine(Path.GetTempPath(), $"research-bench-datasheet-{Environment.ProcessId}");
        var fixture = new Dictionary<string, string> { ["root"] = root, ["files"] = "30131" };
        DatasheetResult Run()
        {
            var result = DatasheetWriter.Write(manifest, outDir, new DatasheetOptions { Root = root, Force = true });
            fixture["peak_resident_mb"] = PeakResidentMb();
            return result;
        }
        return new CasePlan(
            Ours: () => Run(),
            Reference: new ReferenceScript("datasheet_stats.py", [root]),
            Comparisons:
            [
                new Comparison("Pillow+NumPy", "pillow_numpy", Target.OursAtMost(TimeSpan.FromSeconds(25))),
                new Comparison("Pillow+NumPy", "pillow_numpy", Target.RatioAtMost(0.3)),
            ],
            Fixture: fixture,
            OursFingerprint: () => Fingerprint(Run().Stats!));
    }

    /// <summary>Same format as datasheet_stats.py.</summary>
    private static string Fingerprint(DatasheetStats s) => string.Create(CultureInfo.InvariantCulture,
        $"images={s.Images} objects={s.Objects} top={s.Sizes.First().Key}:{s.Sizes.First().Value} overlapping={s.OverlappingPixels} empty={s.EmptyMasks} duplicates={s.DuplicateImages}");

    /// <summary>VmHWM of /proc/self/status in megabytes (the whole benchmark process, so an upper bound for ours).</summary>
    private static string PeakResidentMb()
    {
        string? line = File.Exists("/proc/self/status") ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)) : null;
        return line is null ? "unknown" : (long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024).ToString(CultureInfo.InvariantCulture);
    }
}
