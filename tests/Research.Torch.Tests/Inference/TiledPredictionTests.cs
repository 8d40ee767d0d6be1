using Research.Torch.Inference;
using Research.Torch.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Research.Torch.Tests.Inference;

/// <summary>
/// Tiling, padding, blending and test-time augmentation checked with pointwise models (1 x 1 convolutions): such a model
/// sees no neighbourhood, so however the image is tiled, padded, rotated or flipped, every pixel's probabilities must
/// equal those of the whole image in one forward pass.
/// </summary>
public sealed class TiledPredictionTests
{
    public TiledPredictionTests() => TorchRuntime.EnsureLoaded();

    private static float[] Image(int width, int height)
    {
        var values = new float[width * height];
        for (int i = 0; i < values.Length; i++) values[i] = (float)Math.Sin(i * 0.37) * 2f;
        return values;
    }

    private static nn.Module<Tensor, Tensor> Pointwise(int classes)
    {
        torch.manual_seed(3);
        var conv = nn.Conv2d(1, classes, 1);
        conv.eval();
        return conv;
    }

    private static float[] Whole(nn.Module<Tensor, Tensor> model, float[] image, int classes, int width, int height)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var logits = model.call(tensor(image, [1, 1, height, width]));
        var p = classes == 1 ? sigmoid(logits) : softmax(logits, 1);
        return p.data<float>().ToArray();
    }

    [Theory]
    [InlineData(1, 32, 8, false)]
    [InlineData(3, 32, 8, false)]
    [InlineData(3, 48, 16, true)]
    [InlineData(3, 128, 0, true)]
    public void Tiles_padding_blending_and_tta_give_the_whole_image_result_for_a_pointwise_model(int classes, int tile, int overlap, bool tta)
    {
        const int width = 70, height = 45;
        using var model = Pointwise(classes);
        var image = Image(width, height);

        var maps = TiledPrediction.Probabilities(model, classes, image, 1, height, width, tile, overlap, 16, tta, CPU);

        var expected = Whole(model, image, classes, width, height);
        Assert.Equal((classes, width, height), (maps.Classes, maps.Width, maps.Height));
        for (int k = 0; k < classes; k++)
        {
            var plane = maps.Plane(k).ToArray();
            for (int i = 0; i < plane.Length; i++) Assert.True(Math.Abs(expected[k * plane.Length + i] - plane[i]) <= 1e-5f, $"class {k}, pixel {i}: {plane[i]} vs {expected[k * plane.Length + i]}");
        }
    }

    [Fact]
    public void Class_probabilities_sum_to_one_at_every_pixel()
    {
        const int width = 40, height = 33;
        using var model = Pointwise(3);
        var maps = TiledPrediction.Probabilities(model, 3, Image(width, height), 1, height, width, 32, 8, 16, tta: true, CPU);
        for (int i = 0; i < width * height; i++) Assert.True(Math.Abs(1.0 - (maps.Plane(0)[i] + maps.Plane(1)[i] + maps.Plane(2)[i])) <= 1e-5, $"pixel {i}");
    }

    [Fact]
    public void Tile_origins_cover_the_axis_and_end_at_its_edge()
    {
        Assert.Equal([0, 24, 38], TiledPrediction.Starts(70, 32, 8));
        Assert.Equal([0], TiledPrediction.Starts(20, 32, 8));
        Assert.Equal([0, 400, 800, 1088], TiledPrediction.Starts(1600, 512, 112));
    }
}
