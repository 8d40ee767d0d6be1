using Research.Imaging;
using Research.Imaging.Codecs;
using Research.Torch.Sam;
using Research.Torch.Tests.Detection;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Research.Torch.Tests.Sam;

/// <summary>
/// MobileSAM's TinyViT encoder against the official one (tests/reference/mobile_sam_reference.py): a small TinyViT with
/// every parameter and batch-norm statistic random, saved by PyTorch (float16) and loaded here, gives the official
/// embedding of a 256 px input within 1e-4 (windowed attention with padding in three stages, the learned offset biases,
/// MBConv, patch merging with the 320-channel rule, the neck). The published vit-t layout is checked by its key list
/// (SamCheckpointTests) and its output grid here.
/// </summary>
[Collection(nameof(Research.Torch.Tests.Training.TorchProcessState))]
public sealed class TinyVitTests
{
    private static readonly TinyVitConfig Small = new()
    {
        Widths = [8, 16, 24, 320], Depths = [1, 1, 1, 1], Heads = [1, 2, 3, 4], Windows = [7, 14, 14, 7], MlpRatio = 1.0, Classes = 2,
    };

    [Fact]
    public void A_small_tinyvit_embeds_as_the_official_one()
    {
        using var encoder = new TinyVitEncoder(Small, 256, 256);
        var file = SamFixtures.File("tinyvit_tiny.pth");
        encoder.load_py(file, strict: true);
        encoder.eval();
        Assert.Equal(16, encoder.Grid);
        var png = (Image<byte>)ImageFile.Read(SamFixtures.File("tinyvit_input.png"));
        using var pixels = tensor(png.Data, [256, 256, 3]).to(ScalarType.Float32);
        using var offset = 128f.ToScalar();
        using var scale = 64f.ToScalar();
        using var input = pixels.sub(offset).div(scale).permute(2, 0, 1).unsqueeze(0).contiguous();
        using var noGrad = no_grad();
        using var embedding = encoder.call(input);
        var golden = System.Text.Json.JsonDocument.Parse(File.ReadAllText(SamFixtures.File("tinyvit_tiny_golden.json"))).RootElement;
        DetectionGolden.AssertClose(DetectionGolden.Float(golden.GetProperty("embedding")), embedding, 1e-4, "TinyViT embedding");
    }

    [Fact]
    public void The_published_vit_t_encoder_gives_a_64_by_64_embedding_of_a_1024_px_input()
    {
        using var model = new SamModel(SamConfig.VitT);
        model.eval();
        Assert.Equal(64, ((TinyVitEncoder)model.ImageEncoder).Grid);
        using var noGrad = no_grad();
        using var embedding = model.ImageEncoder.call(zeros(1, 3, 1024, 1024));
        Assert.Equal([1L, 256, 64, 64], embedding.shape);
    }
}
