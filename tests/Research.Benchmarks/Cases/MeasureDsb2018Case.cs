using System.Globalization;
using Research.Benchmarks.Harness;
using Research.Datasets.Layouts;
using Research.Imaging;
using Research.Imaging.Codecs;
using Research.Measurements;
using Research.Metrics;

namespace Research.Benchmarks.Cases;

/// <summary>
/// Measuring every object of DSB2018 stage1_train (670 images, 29,461 nuclei) with RGBA intensities, on pre-loaded
/// label and intensity images, one image after the other on one thread: <see cref="RegionMeasurer.Measure"/> against
/// scikit-image 0.19's <c>regionprops_table</c> with the same properties (tests/reference/regionprops_reference.py,
/// which loads the same labels from the mask PNGs before timing). Target: ours at most 0.25 x scikit-image.
/// </summary>
public sealed class MeasureDsb2018Case : IBenchmarkCase
{
    /// <inheritdoc />
    public string Name => "measure-dsb2018-train";

    /// <inheritdoc />
    public string What => "Region properties of 29,461 DSB2018 train objects, with intensities";

    /// <inheritdoc />
    public RunCounts FullCounts => new(0, 1);

    /// <inheritdoc />
    public RunCounts QuickCounts => new(0, 1);

    /// <inheritdoc />
    public CasePlan Prepare(CaseContext context)
    {
        string folder = RepositoryPaths.SharedDsb2018("stage1_train");
        var ids = Directory.GetDirectories(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        var inputs = new (LabelImage Labels, IImage Image)[ids.Length];
        Parallel.For(0, ids.Length, i =>
        {
            string id = ids[i]!;
            var masks = Directory.GetFiles(Path.Combine(folder, id, "masks"), "*.png").Order(StringComparer.Ordinal).ToList();
            inputs[i] = (LabelImage.From(KaggleDsbReader.Combine(masks), id), ImageFile.Read(Path.Combine(folder, id, "images", id + ".png")));
        });
        var fixture = new Dictionary<string, string>
        {
            ["images"] = ids.Length.ToString(CultureInfo.InvariantCulture),
            ["pixels"] = inputs.Sum(p => (long)p.Labels.Data.Length).ToString(CultureInfo.InvariantCulture),
            ["folder"] = folder,
        };
        return new CasePlan(
            Ours: () => Measure(inputs),
            Reference: new ReferenceScript("regionprops_reference.py", [folder]),
            Comparisons: [new Comparison("scikit-image", "skimage", Target.RatioAtMost(0.25))],
            Fixture: fixture,
            OursFingerprint: () => Fingerprint(Measure(inputs)));
    }

    private static List<RegionProperties> Measure((LabelImage Labels, IImage Image)[] inputs)
    {
        var all = new List<RegionProperties>(30_000);
        foreach (var (labels, image) in inputs) all.AddRange(RegionMeasurer.Measure(labels, image));
        return all;
    }

    /// <summary>Same format as regionprops_reference.py.</summary>
    public static string Fingerprint(IReadOnlyList<RegionProperties> objects) => string.Create(CultureInfo.InvariantCulture,
        $"objects={objects.Count} area={objects.Sum(o => o.Area)} convex={objects.Sum(o => o.ConvexArea)} filled={objects.Sum(o => o.FilledArea)} euler={objects.Sum(o => o.EulerNumber)} perimeter={objects.Sum(o => o.Perimeter):F2} feret={objects.Sum(o => o.FeretDiameterMax):F2} mean0={objects.Sum(o => o.MeanIntensity[0]):F2}");
}
