using Research.Torch.Sam;
using static TorchSharp.torch;

namespace Research.Torch.Tests.Sam;

/// <summary>The official input normalisation and padding (<c>Sam.preprocess</c>), by hand.</summary>
public sealed class SamPreprocessTests
{
    [Fact]
    public void Pixels_are_normalised_per_channel_and_padded_with_zeros_at_the_bottom_right()
    {
        using var model = new SamModel(SamFixtures.Tiny);
        using var image = full([3, 40, 64], 200f);
        using var input = model.Preprocess(image);
        Assert.Equal([3L, 64, 64], input.shape);
        Assert.Equal((200 - 123.675f) / 58.395f, input[0, 39, 63].item<float>(), 5);
        Assert.Equal((200 - 103.53f) / 57.375f, input[2, 0, 0].item<float>(), 5);
        Assert.Equal(0f, input[1, 40, 0].item<float>());
        Assert.Throws<ArgumentException>(() => model.Preprocess(zeros(3, 65, 10)));
    }
}
