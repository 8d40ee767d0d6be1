using Research.Torch.Sam;
using Research.Torch.Tests.Detection;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Research.Torch.Tests.Sam;

/// <summary>
/// MobileSAM's TinyViT encoder against the official one (tests/reference/mobile_sam_reference.py): a small TinyViT with
/// every parameter and batch-norm statistic random, saved by PyTorch (float16) and loaded here, gives the official
/// embedding of a 256 px input within 1e-4 (windowed attention with padding, the learned offset biases, MBConv, patch
/// merging with the 320-channel rule, a 16-channel neck). The published vit-t layout is checked by its key list
/// (SamCheckpointTests) and its output grid here.
/// </summary>
[Collection(nameof(Research.Torch.Tests.Training.TorchProcessState))]
public sealed class TinyVitTests
{
    private static readonly TinyVitConfig Small = new()
    {
        Widths = [8, 16, 24, 320], Depths = [1, 1, 1, 0], Heads = [1, 2, 3, 4], Windows = [7, 14, 14, 7], MlpRatio = 1.0, Classes = 2,
    };

    [Fact]
    public void A_small_tinyvit_embeds_as_the_official_one()
    {
        using var encoder = new TinyVitEncoder(Small, 256, 16);
        encoder.load_py(SamFixtures.File("tinyvit_tiny.pth"), strict: true);
        encoder.eval();
        Assert.Equal(16, encoder.Grid);
        // the reference script's input: ((x * 37 + y * 101 + c * 59 + (x * y) % 17 * 5) % 256 - 128) / 64
        var values = new float[3 * 256 * 256];
        for (int c = 0; c < 3; c++)
            for (int y = 0; y < 256; y++)
                for (int x = 0; x < 256; x++)
                    values[(c * 256 + y) * 256 + x] = ((x * 37 + y * 101 + c * 59 + x * y % 17 * 5) % 256 - 128) / 64f;
        using var input = tensor(values, [1, 3, 256, 256]);
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
