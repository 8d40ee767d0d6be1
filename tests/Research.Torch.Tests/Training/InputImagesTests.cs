using Research.Imaging;
using Research.Torch.Training;

namespace Research.Torch.Tests.Training;

public sealed class InputImagesTests
{
    [Fact]
    public void Percentile_scaling_and_the_inversion_of_bright_images()
    {
        // 1 x 5 grey image 0, 50, 100, 150, 200 with percentiles 0 and 100: (v - 0) / 200 = 0, 0.25, 0.5, 0.75, 1 (mean 0.5, not inverted).
        var ramp = new Image<byte>(5, 1, 1, [0, 50, 100, 150, 200]);
        var exact = new InputNormalization { Low = 0, High = 100, InvertBright = true };
        Assert.Equal([0f, 0.25f, 0.5f, 0.75f, 1f], InputImages.ToChw(ramp, InputColour.Grey, exact));
        // Bright background 200, 200, 200, 200 and one dark object 0: scaled 1, 1, 1, 1, 0 (mean 0.8 > 0.5) -> inverted.
        var bright = new Image<byte>(5, 1, 1, [200, 200, 0, 200, 200]);
        Assert.Equal([0f, 0f, 1f, 0f, 0f], InputImages.ToChw(bright, InputColour.Grey, exact));
        Assert.Equal([1f, 1f, 0f, 1f, 1f], InputImages.ToChw(bright, InputColour.Grey, exact with { InvertBright = false }));
        // type-range divides by 255 and keeps RGB channel-major: pixel (51, 102, 255) -> planes R, G, B = 0.2, 0.4, 1.
        var rgb = new Image<byte>(1, 1, 3, [51, 102, 255]);
        Assert.Equal([0.2f, 0.4f, 1f], InputImages.ToChw(rgb, InputColour.Rgb, new InputNormalization { Scaling = InputScaling.TypeRange }));
    }
}
