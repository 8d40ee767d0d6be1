using Research.ModelWeights;

namespace Research.Tests.ModelWeights;

public sealed class ModelManifestTests
{
    private const string Valid = """
        id: tiny
        name: Tiny
        family: sam
        variant: vit-t
        file: tiny.pt
        url: https://example.org/tiny.pt
        page: https://example.org/
        bytes: 3
        sha256: BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD
        checksum_source: hand-computed
        licence: Apache-2.0
        citation: Nobody 2026
        """;

    [Fact]
    public void The_shipped_manifests_describe_the_four_sam_checkpoints_with_the_values_their_sources_give()
    {
        var registry = ModelManifestRegistry.Load(TestSupport.Repository.PathOf("model-manifests"));
        Assert.Equal(["mobile-sam-vit-t", "sam-vit-b", "sam-vit-h", "sam-vit-l"], registry.All.Select(m => m.Id));
        Assert.Equal(["vit-t", "vit-b", "vit-h", "vit-l"], registry.All.Select(m => m.Variant));
        var b = registry.Get("sam-vit-b");
        Assert.Equal(("sam_vit_b_01ec64.pth", 375_042_383L, "ec2df62732614e57411cdcf32a23ffdf28910380d03139ee0f4fcbe91eb8c912"), (b.File, b.Bytes!.Value, b.Sha256));
        Assert.Null(registry.Get("sam-vit-l").Bytes); // no checkable source states it
        Assert.All(registry.All, m =>
        {
            Assert.Equal("Apache-2.0", m.Licence);
            Assert.Equal(64, m.Sha256.Length);
            Assert.EndsWith(m.File, m.Url, StringComparison.Ordinal);
            Assert.NotEmpty(m.ChecksumSource);
        });
        var error = Assert.Throws<InputException>(() => registry.Get("sam-vit-x"));
        Assert.Contains("sam-vit-b", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_manifest_loads_with_its_digest_in_lower_case()
    {
        var m = ModelManifestLoader.Parse(Valid, "/m/tiny.yaml");
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", m.Sha256);
        Assert.Equal(3L, m.Bytes);
        Assert.Equal("/m/tiny.yaml", m.SourceFile);
    }

    [Theory]
    [InlineData("variant: vit-t", "variant: vit-q", "variant 'vit-q' is not a sam variant; valid: vit-b, vit-l, vit-h, vit-t")]
    [InlineData("family: sam", "family: unet", "family 'unet' is not known")]
    [InlineData("id: tiny", "id: other", "id 'other' differs from the file name; name the file other.yaml")]
    [InlineData("file: tiny.pt", "file: ../tiny.pt", "file '../tiny.pt' must be a plain file name")]
    [InlineData("url: https://example.org/tiny.pt", "url: ftp://example.org/tiny.pt", "url 'ftp://example.org/tiny.pt' must be an absolute http(s) URL")]
    [InlineData("sha256: BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD", "sha256: abc", "sha256 'abc' is not 64 hexadecimal digits")]
    [InlineData("checksum_source: hand-computed", "checksum_source: ''", "checksum_source is required when sha256 or bytes is given")]
    [InlineData("bytes: 3", "bytes: 0", "bytes must be positive")]
    [InlineData("licence: Apache-2.0", "licence: ' '", "licence is empty")]
    public void Each_bad_value_is_named_with_the_file(string replace, string with, string expected)
    {
        var error = Assert.Throws<InputException>(() => ModelManifestLoader.Parse(Valid.Replace(replace, with, StringComparison.Ordinal), "/m/tiny.yaml"));
        Assert.StartsWith("/m/tiny.yaml", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sha256:")]
    [InlineData("sha256: ~")]
    [InlineData("sha256: null")]
    public void A_key_without_a_value_is_named_with_its_line_instead_of_failing_later(string empty)
    {
        string text = Valid.Replace("sha256: BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD", empty, StringComparison.Ordinal);
        var error = Assert.Throws<InputException>(() => ModelManifestLoader.Parse(text, "/m/tiny.yaml"));
        Assert.Contains("/m/tiny.yaml:9:", error.Message, StringComparison.Ordinal);
        Assert.Contains("'sha256' has no value; give one, or leave the key out if it is optional.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_keys_are_reported_together_and_an_unknown_key_lists_the_valid_ones()
    {
        string text = string.Join('\n', Valid.Split('\n').Where(l => !l.StartsWith("url:", StringComparison.Ordinal) && !l.StartsWith("citation:", StringComparison.Ordinal)));
        var missing = Assert.Throws<InputException>(() => ModelManifestLoader.Parse(text, "/m/tiny.yaml"));
        Assert.Contains("2 problems", missing.Message, StringComparison.Ordinal);
        Assert.Contains("missing required key 'url'", missing.Message, StringComparison.Ordinal);
        Assert.Contains("missing required key 'citation'", missing.Message, StringComparison.Ordinal);

        var unknown = Assert.Throws<InputException>(() => ModelManifestLoader.Parse(Valid + "\nchecksum: x", "/m/tiny.yaml"));
        Assert.Contains("/m/tiny.yaml:", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("unknown key 'checksum'; valid keys: id, name, family", unknown.Message, StringComparison.Ordinal);

        var syntax = Assert.Throws<InputException>(() => ModelManifestLoader.Parse("id: [tiny", "/m/tiny.yaml"));
        Assert.Contains("YAML syntax error", syntax.Message, StringComparison.Ordinal);
    }
}
