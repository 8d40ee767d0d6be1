using System.Text;
using System.Text.Json;
using Research.Tests.Datasets.Download;

namespace Research.Cli.Tests.Commands;

public sealed class ModelsVerbsTests
{
    // SHA-256("abc"), the FIPS 180-2 example.
    private const string AbcSha256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    private static string WriteManifest(TempFolder temp, Uri url)
    {
        string dir = temp.Combine("model-manifests");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "tiny.yaml"), $"""
            id: tiny
            name: Tiny
            family: sam
            variant: vit-t
            file: tiny.pt
            url: {url}
            page: https://example.org/
            bytes: 3
            sha256: {AbcSha256}
            checksum_source: hand-computed
            licence: Apache-2.0
            citation: Nobody 2026
            """);
        return dir;
    }

    [Fact]
    public void List_gives_each_architecture_with_its_parameter_count_at_train_defaults()
    {
        var (code, output, error) = CliRunner.Run("models", "list", "--json");
        Assert.True(code == 0, error);
        var rows = JsonDocument.Parse(output).RootElement.EnumerateArray()
            .ToDictionary(r => r.GetProperty("model").GetString()! + (r.GetProperty("backbone").GetString() is { } b ? "/" + b : ""));
        Assert.Equal(["unet", "bh2019-unet", "c-resunet", "mask-rcnn/resnet18", "mask-rcnn/resnet34", "mask-rcnn/resnet50"], rows.Keys);
        // torchvision 0.14: sum(p.numel() for p in maskrcnn_resnet50_fpn(weights=None, weights_backbone=None, num_classes=2).parameters())
        Assert.Equal(43_975_515L, rows["mask-rcnn/resnet50"].GetProperty("parameters").GetInt64());
        Assert.Equal(32, rows["mask-rcnn/resnet18"].GetProperty("stride").GetInt32());
        // PyTorch 1.13 reference (tests/reference/model_reference.py): bh2019-unet base 16 has 972,305 parameters;
        // unet base 16 with 3 outputs 1,942,323, so with 1 output 2 x (16 weights + 1 bias) = 34 fewer.
        Assert.Equal(972_305L, rows["bh2019-unet"].GetProperty("parameters").GetInt64());
        Assert.Equal(1_942_323L - 34, rows["unet"].GetProperty("parameters").GetInt64());
        Assert.Equal(16, rows["unet"].GetProperty("base_filters").GetInt32());
        Assert.Equal(JsonValueKind.Null, rows["c-resunet"].GetProperty("base_filters").ValueKind);
        Assert.Equal(16, rows["unet"].GetProperty("stride").GetInt32());
    }

    [Fact]
    public void Weights_gives_every_shipped_manifest_as_json_and_as_tab_separated_lines()
    {
        var (code, output, error) = CliRunner.Run("models", "weights", "--json");
        Assert.True(code == 0, error);
        var rows = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        Assert.Equal(["mobile-sam-vit-t", "sam-vit-b", "sam-vit-h", "sam-vit-l"], rows.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(375_042_383L, rows[1].GetProperty("bytes").GetInt64());
        Assert.Equal(JsonValueKind.Null, rows[3].GetProperty("bytes").ValueKind);

        (code, output, _) = CliRunner.Run("models", "weights");
        Assert.Equal(0, code);
        Assert.Contains("sam-vit-b\tsam\tvit-b\tsam_vit_b_01ec64.pth\t375042383\tApache-2.0", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_exits_0_for_the_published_file_1_for_another_and_2_for_an_unknown_id()
    {
        using var temp = new TempFolder();
        string manifests = WriteManifest(temp, new Uri("https://example.org/tiny.pt"));
        string file = temp.Combine("tiny.pt");
        File.WriteAllBytes(file, Encoding.ASCII.GetBytes("abc"));
        var (code, output, error) = CliRunner.Run("models", "verify", file, "--model", "tiny", "--model-manifests", manifests);
        Assert.True(code == 0, error);
        Assert.Contains(AbcSha256, output, StringComparison.Ordinal);

        File.WriteAllBytes(file, Encoding.ASCII.GetBytes("abcd"));
        (code, _, error) = CliRunner.Run("models", "verify", file, "--model", "tiny", "--model-manifests", manifests);
        Assert.Equal(1, code);
        Assert.Contains($"{file} is not tiny's published file: 4 bytes, the manifest says 3", error, StringComparison.Ordinal);

        (code, _, error) = CliRunner.Run("models", "verify", file, "--model", "huge", "--model-manifests", manifests);
        Assert.Equal(2, code);
        Assert.Contains("Unknown model weights 'huge'. Known: tiny", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Fetch_downloads_from_a_loopback_server_and_a_wrong_file_leaves_nothing()
    {
        using var temp = new TempFolder();
        byte[] body = Encoding.ASCII.GetBytes("abc");
        using var server = new LoopbackHttpServer((_, _, _) => new LoopbackHttpServer.Reply("200 OK", body, []));
        string manifests = WriteManifest(temp, server.Url("/tiny.pt"));
        string dir = temp.Combine("weights");
        var (code, output, error) = CliRunner.Run("models", "fetch", "tiny", "--out", dir, "--model-manifests", manifests);
        Assert.True(code == 0, output + error);
        Assert.Contains($"SHA-256 {AbcSha256} as the manifest says", output, StringComparison.Ordinal);
        Assert.Equal(body, File.ReadAllBytes(Path.Combine(dir, "tiny.pt")));

        body[2] = (byte)'d';
        string other = temp.Combine("other");
        (code, _, error) = CliRunner.Run("models", "fetch", "tiny", "--out", other, "--model-manifests", manifests);
        Assert.Equal(1, code);
        Assert.Contains("SHA-256 mismatch", error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(other));
    }
}
