using Research.Datasets.Manifests;
using Research.Measurements;
using Research.Tests.TestSupport;

namespace Research.Tests.Measurements;

/// <summary>
/// rois.jsonld of a real split (DSB2018 stage1_test, 65 images, 4,152 nuclei, with the manifest's ontology terms)
/// expanded by an independent JSON-LD processor (tests/reference/check_rois_jsonld.py, Debian's python3-pyld), which
/// also checks that every object's area equals objects.csv's; and the manifests' ontology blocks.
/// </summary>
public sealed class RoiDocumentTests
{
    [Fact]
    public void Real_split_expands_with_pyld_and_agrees_with_the_table()
    {
        string root = TestSupport.Repository.SharedData("dsb2018/stage1_test");
        DatasetManifest manifest = ManifestRegistry.Load(TestSupport.Repository.PathOf("data-manifests")).Get("dsb2018");
        string output = Path.Combine(Path.GetTempPath(), "research-tests-rois-" + Guid.NewGuid().ToString("N"));
        try
        {
            var inputs = MeasureSources.FromDataset(manifest, root);
            var result = MeasureRun.Run([new MeasureSet("truth", "", inputs)], "dsb2018 stage1_test", manifest.Ontology, output, force: false, report: false);
            Assert.Equal(4152, result.Sets[0].Images.Sum(i => i.Objects.Count));
            var (code, text) = ReferenceScript.Run("check_rois_jsonld.py", Path.Combine(output, "rois.jsonld"), Path.Combine(output, "objects.csv"));
            Assert.True(code == 0, text);
            Assert.Contains("ok 65 images, 4152 objects", text);
            string json = File.ReadAllText(Path.Combine(output, "rois.jsonld"));
            Assert.Contains("\"additionalType\":[\"http://purl.obolibrary.org/obo/GO_0005634\"]", json);
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        }
    }

    [Theory]
    [InlineData("dsb2018", "GO:0005634")]
    [InlineData("fluorescent-neuronal-cells", "CL:0000540")]
    [InlineData("bh2019-kidney-em-nucleus", "GO:0005634")]
    public void Manifests_name_their_objects_with_obo_purls(string id, string objectType)
    {
        DatasetManifest manifest = ManifestRegistry.Load(TestSupport.Repository.PathOf("data-manifests")).Get(id);
        Assert.NotNull(manifest.Ontology);
        Assert.Equal([objectType], manifest.Ontology!.ObjectType.Select(t => t.Curie));
        Assert.NotEmpty(manifest.Ontology.ImagingMethod);
        Assert.NotEmpty(manifest.Ontology.Organism);
        Assert.All(manifest.Ontology.All, t => Assert.Matches("^http://purl\\.obolibrary\\.org/obo/[A-Za-z]+_[0-9]+$", t.Iri));
        Assert.All(manifest.Ontology.ImagingMethod, t => Assert.StartsWith("FBbi:", t.Curie));
        Assert.All(manifest.Ontology.Organism, t => Assert.StartsWith("NCBITaxon:", t.Curie));
        Assert.All(manifest.Ontology.Tissue, t => Assert.StartsWith("UBERON:", t.Curie));
    }
}

/// <summary>croissant.json carries the manifest's ontology terms and links a measure run's rois.jsonld.</summary>
public sealed class CroissantRoisLinkTests
{
    [Fact]
    public void Croissant_names_the_terms_and_links_the_rois_file_by_path_and_digest()
    {
        DatasetManifest manifest = ManifestRegistry.Load(TestSupport.Repository.PathOf("data-manifests")).Get("bh2019-kidney-em-nucleus");
        string folder = Path.Combine(Path.GetTempPath(), "research-tests-croissant-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            string rois = Path.Combine(folder, "rois.jsonld");
            File.WriteAllText(rois, "{}");
            Research.Datasheets.DatasheetWriter.Write(manifest, Path.Combine(folder, "sheet"), new Research.Datasheets.DatasheetOptions { Rois = rois });
            string json = File.ReadAllText(Path.Combine(folder, "sheet", "croissant.json"));
            using var doc = System.Text.Json.JsonDocument.Parse(json);
            var about = doc.RootElement.GetProperty("about").EnumerateArray().Select(a => a.GetProperty("@id").GetString()).ToList();
            Assert.Equal(["http://purl.obolibrary.org/obo/GO_0005634", "http://purl.obolibrary.org/obo/NCBITaxon_10090", "http://purl.obolibrary.org/obo/UBERON_0002113"], about);
            Assert.Equal("http://purl.obolibrary.org/obo/FBbi_00000256", doc.RootElement.GetProperty("measurementTechnique")[0].GetProperty("@id").GetString());
            var file = doc.RootElement.GetProperty("distribution").EnumerateArray().Single(d => d.GetProperty("@id").GetString() == "rois.jsonld");
            Assert.Equal("../rois.jsonld", file.GetProperty("contentUrl").GetString());
            // SHA-256 of the two bytes "{}".
            Assert.Equal("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a", file.GetProperty("sha256").GetString());
            var (code, output) = ReferenceScript.Run("check_jsonld.py", Path.Combine(folder, "sheet", "croissant.json"));
            Assert.True(code == 0, output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
