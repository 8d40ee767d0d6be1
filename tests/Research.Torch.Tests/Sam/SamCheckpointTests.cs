using Research.Torch.Sam;
using static TorchSharp.torch;

namespace Research.Torch.Tests.Sam;

/// <summary>
/// The model's state-dict keys are the official ones for every published variant (so official checkpoints load
/// unchanged), and a checkpoint that does not fit is refused with the keys and shapes named, before anything is loaded.
/// </summary>
// Building models draws from libtorch's process-wide generator (ViT-H: half a minute): not beside the seeded training tests.
[Collection(nameof(Research.Torch.Tests.Training.TorchProcessState))]
public sealed class SamCheckpointTests
{
    [Theory]
    [InlineData("vit-b", "sam_vit_b_keys.txt")]
    [InlineData("vit-l", "sam_vit_l_keys.txt")]
    [InlineData("vit-h", "sam_vit_h_keys.txt")]
    [InlineData("vit-t", "sam_vit_t_keys.txt")]
    public void State_dict_names_and_shapes_equal_the_official_model(string variant, string file)
    {
        var expected = File.ReadAllLines(SamFixtures.File(file)).Where(l => l.Length > 0)
            .Select(l => l.Split(' ')).ToDictionary(p => p[0], p => p[1]);
        using var model = new SamModel(SamConfig.ForVariant(variant));
        var actual = model.state_dict().ToDictionary(kv => kv.Key, kv => string.Join("x", kv.Value.shape));
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, shape) in expected) Assert.True(shape == actual[name], $"{name}: official {shape}, ours {actual[name]}");
    }

    [Fact]
    public void A_checkpoint_of_another_size_is_refused_naming_keys_and_shapes()
    {
        using var model = new SamModel(SamFixtures.Tiny with { EncoderDim = 48 });
        var before = model.state_dict()["image_encoder.pos_embed"].clone();
        string path = SamFixtures.File("sam_tiny.pth");
        var e = Assert.Throws<InputException>(() => SamCheckpoint.Load(model, path));
        Assert.StartsWith(path + ":", e.Message, StringComparison.Ordinal);
        Assert.Contains("image_encoder.blocks.0.attn.proj.bias is 32 in the file, 48 in the model", e.Message, StringComparison.Ordinal);
        Assert.Contains("looks like none of vit-b, vit-l, vit-h (width 32, 2 blocks)", e.Message, StringComparison.Ordinal);
        Assert.True(before.allclose(model.state_dict()["image_encoder.pos_embed"], 0, 0), "nothing may be loaded from a refused file");
    }

    [Fact]
    public void Missing_and_unexpected_keys_are_named()
    {
        using var model = new SamModel(SamFixtures.Tiny);
        var tensors = SamCheckpoint.Read(SamFixtures.File("sam_tiny.pth")).ToDictionary(kv => kv.Key, kv => kv.Value);
        tensors.Remove("mask_decoder.iou_token.weight");
        tensors["mask_decoder.extra"] = zeros(3);
        var e = Assert.Throws<InputException>(() => SamCheckpoint.Check(model, tensors, "f.pth"));
        Assert.Contains("2 problem(s)", e.Message, StringComparison.Ordinal);
        Assert.Contains("mask_decoder.iou_token.weight (1x32) is missing", e.Message, StringComparison.Ordinal);
        Assert.Contains("mask_decoder.extra (3) is not a key of the model", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Files_that_are_not_pytorch_checkpoints_are_named()
    {
        string dir = Directory.CreateTempSubdirectory("sam-ckpt").FullName;
        try
        {
            string text = Path.Combine(dir, "weights.pth");
            File.WriteAllText(text, "not a checkpoint");
            var e = Assert.Throws<InputException>(() => SamCheckpoint.Read(text));
            Assert.Contains($"{text}: not a PyTorch zip checkpoint", e.Message, StringComparison.Ordinal);
            var missing = Assert.Throws<InputException>(() => SamCheckpoint.Read(Path.Combine(dir, "absent.pth")));
            Assert.Contains("no such checkpoint file", missing.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Unknown_variants_list_the_valid_ones()
    {
        var e = Assert.Throws<ArgumentException>(() => SamConfig.ForVariant("vit-x"));
        Assert.Contains("use one of vit-b, vit-l, vit-h, vit-t", e.Message, StringComparison.Ordinal);
        Assert.Same(SamConfig.VitB, SamConfig.ForVariant("vit_b"));
    }
}
