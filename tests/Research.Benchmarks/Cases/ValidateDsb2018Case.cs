using System.Globalization;
using Research.Benchmarks.Harness;
using Research.Datasets.Layouts;
using Research.Datasets.Manifests;
using Research.Datasets.Validation;

namespace Research.Benchmarks.Cases;

/// <summary>
/// <c>research datasets validate dsb2018</c> on the real stage1_train (670 images, 29,461 mask PNGs, read in place from
/// ../shared/data): decode every file, check sizes, mask values {0, 255}, empty masks, pairwise overlaps and counts.
/// Reference: tests/reference/validate_dsb.py, the same checks written plainly with Pillow and NumPy (one process).
/// Target: ours at most 15 s (the limit on 2 cores). Few runs: one run reads 30,131 files.
/// </summary>
public sealed class ValidateDsb2018Case : IBenchmarkCase
{
    /// <inheritdoc />
    public string Name => "validate-dsb2018";

    /// <inheritdoc />
    public string What => "validate DSB2018 stage1_train (30,131 PNG)";

    /// <inheritdoc />
    public RunCounts FullCounts => new(1, 3);

    /// <inheritdoc />
    public RunCounts QuickCounts => new(0, 1);

    /// <inheritdoc />
    public CasePlan Prepare(CaseContext context)
    {
        string root = RepositoryPaths.SharedDsb2018("stage1_train");
        DatasetManifest manifest = ManifestRegistry.Load(RepositoryPaths.Manifests()).Get("dsb2018");
        ValidationReport Run() => DatasetValidator.Validate(manifest, root, new LayoutReaders());
        return new CasePlan(
            Ours: () => Run(),
            Reference: new ReferenceScript("validate_dsb.py", [root]),
            Comparisons: [new Comparison("Pillow+NumPy", "pillow_numpy", Target.OursAtMost(TimeSpan.FromSeconds(15)))],
            Fixture: new Dictionary<string, string> { ["root"] = root, ["files"] = "30131" },
            OursFingerprint: () => Fingerprint(Run()));
    }

    /// <summary>Same format as validate_dsb.py: "images=N masks=M problems=P".</summary>
    private static string Fingerprint(ValidationReport r) =>
        string.Create(CultureInfo.InvariantCulture, $"images={r.Images} masks={r.MaskFiles} problems={r.Problems.Count}");
}
