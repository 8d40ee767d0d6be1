using System.Text.Json.Nodes;
using Research.Datasets.Manifests;
using Research.Datasheets;
using Research.Tests.Plots;

namespace Research.Tests.Datasheets;

/// <summary>Writes the datasheet of the real DSB2018 stage1_train once (../shared/data) for the tests below.</summary>
public sealed class Dsb2018DatasheetFixture : IDisposable
{
    public Dsb2018DatasheetFixture()
    {
        string root = TestSupport.Repository.SharedData("dsb2018/stage1_train");
        Manifest = ManifestRegistry.Load(TestSupport.Repository.PathOf("data-manifests")).Get("dsb2018");
        Folder = Path.Combine(Directory.CreateTempSubdirectory("research-dsb-datasheet-").FullName, "out");
        Result = DatasheetWriter.Write(Manifest, Folder, new DatasheetOptions { Root = root });
    }

    public DatasetManifest Manifest { get; }

    public string Folder { get; }

    public DatasheetResult Result { get; }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(Folder)!, recursive: true);
}

public sealed class Dsb2018DatasheetTests(Dsb2018DatasheetFixture fixture) : IClassFixture<Dsb2018DatasheetFixture>
{
    [Fact]
    public void Stage1_train_facts_hold()
    {
        DatasheetStats s = fixture.Result.Stats!;
        Assert.Equal(670, s.Images);
        Assert.Equal(29461, s.Objects);
        Assert.Equal(("256x256", 334), (s.Sizes.First().Key, s.Sizes.First().Value));
        Assert.Equal(new Dictionary<string, int> { ["RGBA"] = 670 }, s.Modes);
        Assert.Equal(0, s.OverlappingPixels);
        Assert.Equal(0, s.EmptyMasks);
        Assert.Equal(0, fixture.Result.UnreadableFiles);
        Assert.Equal([new SplitCount("stage1_train", ".", 670, 670, 29461)], fixture.Result.Composition.Splits);
        // 546 fluorescence, 16 brightfield, 108 stained-tissue images (Caicedo et al. 2019 report the same three groups).
        var groups = fixture.Result.Composition.Rows.GroupBy(r => r.Group).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<ImageGroup, int> { [ImageGroup.GreyDark] = 546, [ImageGroup.GreyLight] = 16, [ImageGroup.Colour] = 108 }, groups);
        Assert.Equal(670 + 29461, fixture.Result.Composition.Hashes.Count);
    }

    [Fact]
    public void Markdown_has_all_sections_and_the_measured_tables()
    {
        string md = File.ReadAllText(Path.Combine(fixture.Folder, "datasheet.md"));
        foreach (DatasheetSection s in Enum.GetValues<DatasheetSection>()) Assert.Contains($"## {(int)s + 1}. {DatasheetSections.Title(s)}", md, StringComparison.Ordinal);
        Assert.Contains("| 256x256 | 334 |", md, StringComparison.Ordinal);
        Assert.Contains("| stage1_train | . | 670 | 670 | 29461 |", md, StringComparison.Ordinal);
        Assert.DoesNotContain(ComputedTables.NotMeasured, md, StringComparison.Ordinal);
        Assert.Equal(671, File.ReadAllLines(Path.Combine(fixture.Folder, "per_image.csv")).Length);
    }

    [Fact]
    public void Croissant_has_every_required_field_and_a_digest_for_every_image()
    {
        var doc = JsonNode.Parse(File.ReadAllText(Path.Combine(fixture.Folder, "croissant.json")))!.AsObject();
        CroissantChecks.RequiredFields(doc);
        var files = doc["distribution"]!.AsArray().Where(n => (string?)n!["@type"] == "cr:FileObject").ToList();
        Assert.Equal(671, files.Count); // 670 images + sha256sums.txt
        var sets = doc["distribution"]!.AsArray().Where(n => (string?)n!["@type"] == "cr:FileSet").Select(n => n!["includes"]!.ToString()).ToList();
        Assert.Equal(["*/images/*.png", "*/masks/*.png"], sets);
        string sums = Path.Combine(fixture.Folder, Croissant.SumsFile);
        Assert.Equal(Research.IO.FileHash.Sha256(sums), (string?)files.Last()!["sha256"]);
        Assert.Equal(670 + 29461, File.ReadAllLines(sums).Length);
        Assert.Contains("Broad", (string?)doc["rai:dataReleaseMaintenancePlan"], StringComparison.Ordinal);
        Assert.Equal("2019", (string?)doc["datePublished"]);
    }

    [Fact]
    public void Croissant_expands_as_json_ld_with_every_term_defined()
    {
        // Independent check with pyld (tests/reference/check_jsonld.py, Debian's python3-pyld).
        var (code, output) = TestSupport.ReferenceScript.Run("check_jsonld.py", Path.Combine(fixture.Folder, "croissant.json"));
        Assert.True(code == 0, output);
        Assert.Contains(": ok ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_draws_offline_in_headless_chromium()
    {
        string html = File.ReadAllText(Path.Combine(fixture.Folder, "datasheet.html"));
        // Five composition figures and three object-shape figures (eccentricity, solidity, circularity).
        Assert.Equal(8, html.Split("window.Plotly.newPlot(").Length - 1);
        Assert.Contains("data:image/png;base64,", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script src=", html, StringComparison.Ordinal);
        var (shot, log) = HeadlessChromium.Render(Path.Combine(fixture.Folder, "datasheet.html"));
        Assert.DoesNotContain("Uncaught", log, StringComparison.Ordinal);
        Assert.DoesNotContain("console.error", log, StringComparison.OrdinalIgnoreCase);
        int trace = HeadlessChromium.TraceColouredPixels(shot), colours = HeadlessChromium.DistinctColours(shot);
        Assert.True(trace > 200, $"only {trace} pixels of the trace colour: the first figure was not drawn. Log: {log}");
        Assert.True(colours > 20, $"only {colours} distinct colours: a blank page. Log: {log}");
    }
}
