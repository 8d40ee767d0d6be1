using Research.Datasets.Manifests;

namespace Research.Tests.Datasets.Manifests;

public sealed class ManifestErrorTests
{
    /// <summary>A minimal valid manifest; line numbers below refer to this text (line 1 is "id: mini").</summary>
    internal const string Minimal = """
        id: mini
        name: Mini
        version: "1"
        summary: A tiny test dataset.
        homepage: https://example.org
        licence:
          spdx: CC0-1.0
          terms: Public domain.
        citations:
          - bibtex: "@misc{mini}"
        modality: fluorescence-microscopy
        organism: none
        tissue: nuclei
        tasks: [instance]
        layout:
          kind: kaggle-dsb
        masks:
          encoding: instance-per-file
          class_map: {0: background, 255: nucleus}
        splits:
          - name: train
            folder: train
            images: 2
            objects: 3
        obtain:
          manual: [Make it.]
        datasheet:
          motivation: m
          collection: c
          preprocessing: p
          uses: u
          distribution: d
          maintenance: m
        """;

    private static InputException Fails(string text) => Assert.Throws<InputException>(() => ManifestLoader.Parse(text, "mini.yaml"));

    [Fact]
    public void The_minimal_manifest_loads_with_its_typed_values()
    {
        DatasetManifest m = ManifestLoader.Parse(Minimal, "mini.yaml");
        Assert.Equal((LayoutKind.KaggleDsb, MaskEncoding.InstancePerFile, ImagingModality.FluorescenceMicroscopy), (m.Layout.Kind, m.Masks.Encoding, m.Modality));
        Assert.Equal("nucleus", m.Masks.ClassMap[255]);
        Assert.Equal((2, 3), (m.Splits[0].Images, m.Splits[0].Objects));
        Assert.Equal(128, m.Masks.Threshold);
    }

    [Fact]
    public void A_yaml_syntax_error_names_file_line_and_column()
    {
        var e = Fails(Minimal.Replace("tasks: [instance]", "tasks: [instance"));
        Assert.StartsWith("mini.yaml:", e.Message, StringComparison.Ordinal);
        Assert.Contains("YAML syntax error", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_key_names_line_column_and_the_valid_keys()
    {
        // "colour: red" replaces line 16 ("  kind: kaggle-dsb" stays at 16; the new key is inserted as line 17, column 3).
        var e = Fails(Minimal.Replace("  kind: kaggle-dsb", "  kind: kaggle-dsb\n  colour: red"));
        Assert.StartsWith("mini.yaml:17:3: unknown key 'colour'", e.Message, StringComparison.Ordinal);
        Assert.Contains("valid keys: kind, images, masks", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_key_is_named_with_its_path()
    {
        var e = Fails(Minimal.Replace("  kind: kaggle-dsb\n", "  images: x\n").Replace("homepage: https://example.org\n", ""));
        Assert.Contains("missing required key 'homepage'", e.Message, StringComparison.Ordinal);
        Assert.Contains("missing required key 'layout.kind'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_key_in_a_list_item_names_the_index()
    {
        var e = Fails(Minimal.Replace("    folder: train\n", ""));
        Assert.Contains("missing required key 'splits[0].folder'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_type_names_line_and_column()
    {
        var e = Fails(Minimal.Replace("images: 2", "images: two"));
        Assert.StartsWith("mini.yaml:23:13:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_enum_value_not_allowed_lists_the_valid_ones()
    {
        var e = Fails(Minimal.Replace("kind: kaggle-dsb", "kind: kaggle"));
        Assert.StartsWith("mini.yaml:16:9: 'kaggle' is not a valid layout-kind; valid values: kaggle-dsb, ctc, paired-folders, rle-csv, class-folders, synthetic", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../outside", "contains '..'")]
    [InlineData("a/../../b", "contains '..'")]
    [InlineData("/etc", "is absolute")]
    [InlineData("C:/data", "is absolute")]
    public void Path_patterns_that_escape_the_root_are_refused(string pattern, string why)
    {
        var e = Fails(Minimal.Replace("  kind: kaggle-dsb", $"  kind: kaggle-dsb\n  masks: \"{pattern}\""));
        Assert.Contains("'layout.masks'", e.Message, StringComparison.Ordinal);
        Assert.Contains(why, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inconsistent_values_are_collected_together()
    {
        var e = Fails(Minimal.Replace("id: mini", "id: Mini_1").Replace("tasks: [instance]", "tasks: []").Replace("    folder: train", "    folder: ../train"));
        // Four: the id's spelling, the id against the file name, the empty task list, the folder with "..".
        Assert.Contains("4 problems", e.Message, StringComparison.Ordinal);
        Assert.Contains("'id' 'Mini_1' must be lower-case", e.Message, StringComparison.Ordinal);
        Assert.Contains("'tasks' lists no task", e.Message, StringComparison.Ordinal);
        Assert.Contains("'splits[0].folder'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_id_must_match_the_file_name()
    {
        var e = Assert.Throws<InputException>(() => ManifestLoader.Parse(Minimal, "/x/other.yaml"));
        Assert.Contains("other.yaml", e.Message, StringComparison.Ordinal);
        Assert.Contains("'id' is 'mini'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_symlink_leading_outside_the_root_is_refused_at_read_time()
    {
        string root = Path.Combine(Path.GetTempPath(), "manifest-link-" + Guid.NewGuid().ToString("N"));
        string outside = root + "-outside";
        try
        {
            Directory.CreateDirectory(root);
            Directory.CreateDirectory(outside);
            Directory.CreateSymbolicLink(Path.Combine(root, "masks"), outside);
            Directory.CreateDirectory(Path.Combine(root, "inner"));
            Assert.EndsWith("inner", PathPatterns.Resolve(root, "inner"), StringComparison.Ordinal);
            var e = Assert.Throws<InputException>(() => PathPatterns.Resolve(root, "masks"));
            Assert.Contains("symbolic link", e.Message, StringComparison.Ordinal);
            Assert.Contains("outside the dataset root", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public void Registry_names_the_known_ids_for_an_unknown_one()
    {
        var registry = ManifestRegistry.Load(TestSupport.Repository.PathOf("data-manifests"));
        var e = Assert.Throws<InputException>(() => registry.Get("dsb2019"));
        Assert.Contains("Unknown dataset 'dsb2019'", e.Message, StringComparison.Ordinal);
        Assert.Contains("dsb2018", e.Message, StringComparison.Ordinal);
    }
}
