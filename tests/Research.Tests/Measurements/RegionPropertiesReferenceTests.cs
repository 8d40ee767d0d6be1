using System.Text.Json;
using Research.Datasets.Layouts;
using Research.Imaging;
using Research.Imaging.Codecs;
using Research.Measurements;
using Research.Metrics;
using Research.Tests.TestSupport;

namespace Research.Tests.Measurements;

/// <summary>
/// Every property of every object against scikit-image 0.19's <c>regionprops_table</c> (golden file made by
/// tests/reference/make_regionprops_golden.py): ten real DSB2018 training images (labels rebuilt here from the mask
/// PNGs, RGBA intensities) and hand-made cases (holes, border contact, one-pixel, one-row and diagonal objects,
/// non-convex and non-contiguous objects, rotated ellipses, a disc). Integers exactly; moment-based values within
/// 1e-9 relative, hull- and contour-based values within 1e-6 relative (an absolute floor of 1e-12 for values that
/// are zero).
/// </summary>
public sealed class RegionPropertiesReferenceTests
{
    private static readonly JsonElement Golden = Load();

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in Golden.GetProperty("cases").EnumerateArray()) data.Add(c.GetProperty("name").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_property_equals_scikit_image(string name)
    {
        JsonElement golden = Golden.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);
        var (labels, intensity) = Inputs(golden);
        var objects = RegionMeasurer.Measure(labels, intensity);
        var expected = golden.GetProperty("objects").EnumerateArray().ToList();
        Assert.Equal(expected.Count, objects.Count);
        for (int i = 0; i < objects.Count; i++) Compare($"{name} object {i}", expected[i], objects[i]);
    }

    private static void Compare(string where, JsonElement g, RegionProperties o)
    {
        long Int(string key) => g.GetProperty(key).GetInt64();
        double Real(string key) => g.GetProperty(key).GetDouble();
        Assert.Equal(Int("label"), o.Label);
        Assert.Equal(Int("area"), o.Area);
        Assert.Equal((Int("bbox-0"), Int("bbox-1"), Int("bbox-2"), Int("bbox-3")), ((long)o.BboxMinRow, (long)o.BboxMinCol, (long)o.BboxMaxRow, (long)o.BboxMaxCol));
        Assert.True(Int("area_convex") == o.ConvexArea, $"{where}: convex area {o.ConvexArea}, skimage {Int("area_convex")}");
        Assert.True(Int("area_filled") == o.FilledArea, $"{where}: filled area {o.FilledArea}, skimage {Int("area_filled")}");
        Assert.True(Int("euler_number") == o.EulerNumber, $"{where}: Euler number {o.EulerNumber}, skimage {Int("euler_number")}");
        const double moments = 1e-9, hull = 1e-6;
        Close(where, "centroid-0", Real("centroid-0"), o.CentroidRow, moments);
        Close(where, "centroid-1", Real("centroid-1"), o.CentroidCol, moments);
        Close(where, "perimeter", Real("perimeter"), o.Perimeter, hull);
        Close(where, "perimeter_crofton", Real("perimeter_crofton"), o.PerimeterCrofton, hull);
        Close(where, "eccentricity", Real("eccentricity"), o.Eccentricity, moments);
        Close(where, "axis_major_length", Real("axis_major_length"), o.MajorAxisLength, moments);
        Close(where, "axis_minor_length", Real("axis_minor_length"), o.MinorAxisLength, moments);
        Close(where, "equivalent_diameter_area", Real("equivalent_diameter_area"), o.EquivalentDiameter, moments);
        Close(where, "solidity", Real("solidity"), o.Solidity, hull);
        Close(where, "extent", Real("extent"), o.Extent, moments);
        Close(where, "feret_diameter_max", Real("feret_diameter_max"), o.FeretDiameterMax, hull);
        if (!Isotropic(o)) SameAxis(where, Real("orientation"), o.Orientation, moments);
        for (int ch = 0; ch < o.MeanIntensity.Length; ch++)
        {
            string suffix = o.MeanIntensity.Length == 1 ? "" : $"-{ch}";
            Close(where, "intensity_mean" + suffix, Real("intensity_mean" + suffix), o.MeanIntensity[ch], moments);
            Close(where, "intensity_min" + suffix, Real("intensity_min" + suffix), o.MinIntensity[ch], 0);
            Close(where, "intensity_max" + suffix, Real("intensity_max" + suffix), o.MaxIntensity[ch], 0);
        }
    }

    /// <summary>
    /// Objects whose inertia tensor is a multiple of the identity (a disc, a square, a plus sign) have no major axis:
    /// scikit-image's orientation is then the angle of its floating-point rounding noise, so it is not compared.
    /// </summary>
    private static bool Isotropic(RegionProperties o) => Math.Abs(o.MajorAxisLength - o.MinorAxisLength) <= 1e-9 * o.MajorAxisLength;

    /// <summary>Orientations are axes: −π/2 and π/2 are the same one, so the difference is taken modulo π.</summary>
    private static void SameAxis(string where, double expected, double actual, double relative)
    {
        double d = Math.Abs(expected - actual);
        d = Math.Min(d, Math.Abs(d - Math.PI));
        double tolerance = Math.Max(relative * Math.Abs(expected), 1e-12);
        Assert.True(d <= tolerance, $"{where}: orientation = {actual:R}, scikit-image {expected:R} (tolerance {tolerance:G3}, modulo π)");
    }

    private static void Close(string where, string key, double expected, double actual, double relative)
    {
        double tolerance = Math.Max(relative * Math.Abs(expected), 1e-12);
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{where}: {key} = {actual:R}, scikit-image {expected:R} (tolerance {tolerance:G3})");
    }

    private static (LabelImage Labels, IImage Intensity) Inputs(JsonElement golden)
    {
        if (golden.TryGetProperty("dsb2018", out var id))
        {
            string folder = TestSupport.Repository.SharedData(Path.Combine("dsb2018", "stage1_train", id.GetString()!));
            var masks = Directory.GetFiles(Path.Combine(folder, "masks"), "*.png").Order(StringComparer.Ordinal).ToList();
            var labels = LabelImage.From(KaggleDsbReader.Combine(masks), folder);
            return (labels, ImageFile.Read(Path.Combine(folder, "images", id.GetString() + ".png")));
        }
        int[][] rows = golden.GetProperty("labels").Deserialize<int[][]>()!;
        int[][] grey = golden.GetProperty("intensity").Deserialize<int[][]>()!;
        int h = rows.Length, w = rows[0].Length;
        var data = rows.SelectMany(r => r).ToArray();
        var intensity = new Image<ushort>(w, h, 1, [.. grey.SelectMany(r => r).Select(v => (ushort)v)]);
        return (new LabelImage(w, h, data, golden.GetProperty("name").GetString()!), intensity);
    }

    private static JsonElement Load()
    {
        string path = TestSupport.Repository.PathOf("tests/Research.Tests/Measurements/Fixtures/regionprops_golden.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.Clone();
    }
}
