using System.Reflection;
using System.Text.Json;
using Research.Datasets.Manifests;
using Research.Tests.TestSupport;
using NJsonSchema;

namespace Research.Tests.Datasets.Manifests;

public sealed class ManifestSchemaTests
{
    private static readonly string Folder = TestSupport.Repository.PathOf("data-manifests");

    public static TheoryData<string> ManifestFiles()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.GetFiles(TestSupport.Repository.PathOf("data-manifests"), "*.yaml").Order()) data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(ManifestFiles))]
    public async Task Every_manifest_loads_and_passes_the_schema(string name)
    {
        string path = Path.Combine(Folder, name);
        DatasetManifest manifest = ManifestLoader.Load(path);
        Assert.Equal(Path.GetFileNameWithoutExtension(name), manifest.Id);
        var schema = await JsonSchema.FromJsonAsync(File.ReadAllText(Path.Combine(Folder, "schema.json")));
        string json = YamlToJson.Convert(File.ReadAllText(path))!.ToJsonString();
        var errors = schema.Validate(json);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
    }

    [Fact]
    public async Task The_schema_rejects_what_the_loader_rejects()
    {
        var schema = await JsonSchema.FromJsonAsync(File.ReadAllText(Path.Combine(Folder, "schema.json")));
        string good = File.ReadAllText(Path.Combine(Folder, "dsb2018.yaml"));
        Assert.Empty(schema.Validate(YamlToJson.Convert(good)!.ToJsonString()));
        Assert.NotEmpty(schema.Validate(YamlToJson.Convert(good.Replace("kind: kaggle-dsb", "kind: kaggle"))!.ToJsonString()));
        Assert.NotEmpty(schema.Validate(YamlToJson.Convert(good.Replace("images: \"{id}/images\"", "images: \"../{id}\""))!.ToJsonString()));
        Assert.NotEmpty(schema.Validate(YamlToJson.Convert(good.Replace("homepage:", "home:"))!.ToJsonString()));
    }

    [Fact]
    public void Registry_holds_every_dataset_the_issue_names()
    {
        var ids = ManifestRegistry.Load(Folder).All.Select(m => m.Id).ToHashSet();
        string[] expected =
        [
            "dsb2018", "ctc-fluo-n2dh-gowt1", "ctc-fluo-n2dh-sim-plus", "ctc-dic-c2dh-hela", "ctc-phc-c2dh-u373", "ctc-fluo-n2dl-hela",
            "fluorescent-neuronal-cells", "bh2019-kidney-em-nucleus", "synthetic-nuclei", "all-leukaemia", "lgg-brain-mri", "breast-ultrasound",
            "sipakmed-cervical", "kvasir-seg", "chest-xray-lungs", "ddsm-mammogram-tissue", "segpc-2021", "ultrasound-nerve", "mmotu-ovarian",
            "herlev-pap-smear", "chase-db1", "synthetic-timelapse",
        ];
        Assert.Equal(expected.Order(), ids.Order());
    }

    /// <summary>Model and schema agree: same property names, same required lists, same enum values.</summary>
    [Fact]
    public void Model_and_schema_agree()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "schema.json")));
        JsonElement root = doc.RootElement, defs = root.GetProperty("$defs");
        var objects = new Dictionary<Type, JsonElement>
        {
            [typeof(DatasetManifest)] = root, [typeof(LicenceInfo)] = defs.GetProperty("licence"), [typeof(Citation)] = defs.GetProperty("citation"),
            [typeof(LayoutSpec)] = defs.GetProperty("layout"), [typeof(MaskSpec)] = defs.GetProperty("masks"), [typeof(SplitSpec)] = defs.GetProperty("split"),
            [typeof(FileChecksum)] = defs.GetProperty("checksum"), [typeof(ObtainSpec)] = defs.GetProperty("obtain"),
            [typeof(DirectDownload)] = defs.GetProperty("obtain").GetProperty("properties").GetProperty("direct").GetProperty("items"), [typeof(DatasheetAnswers)] = defs.GetProperty("datasheet"),
        };
        foreach (var (type, schema) in objects)
        {
            var modelKeys = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanWrite && p.GetCustomAttribute<YamlDotNet.Serialization.YamlIgnoreAttribute>() is null)
                .Select(p => YamlDotNet.Serialization.NamingConventions.UnderscoredNamingConvention.Instance.Apply(p.Name)).Order();
            Assert.Equal(modelKeys, schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order());
            Assert.Equal(ManifestRequiredKeys.ByType[type].Order(), schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()!).Order());
        }
        JsonElement props = root.GetProperty("properties");
        Assert.Equal(KebabCase.Names(typeof(ImagingModality)), Enum(props.GetProperty("modality")));
        Assert.Equal(KebabCase.Names(typeof(DatasetTask)), Enum(props.GetProperty("tasks").GetProperty("items")));
        Assert.Equal(KebabCase.Names(typeof(ManifestField)), Enum(props.GetProperty("unverified").GetProperty("items")));
        Assert.Equal(KebabCase.Names(typeof(LayoutKind)), Enum(defs.GetProperty("layout").GetProperty("properties").GetProperty("kind")));
        Assert.Equal(KebabCase.Names(typeof(MaskEncoding)), Enum(defs.GetProperty("masks").GetProperty("properties").GetProperty("encoding")));
    }

    private static string[] Enum(JsonElement e) => [.. e.GetProperty("enum").EnumerateArray().Select(v => v.GetString()!)];
}
