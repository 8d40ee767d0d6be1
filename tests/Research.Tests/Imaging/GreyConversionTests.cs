using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Research.Imaging;

namespace Research.Tests.Imaging;

public sealed class GreyConversionTests
{
    [Fact]
    public void Grey_input_is_returned_as_is()
    {
        var grey = new Image<byte>(2, 2, 1, [1, 2, 3, 4]);
        Assert.Same(grey, GreyConversion.ToGrey(grey));
    }

    [Fact]
    public void Grey_plus_alpha_keeps_the_grey_channel()
    {
        var image = new Image<ushort>(2, 1, 2, [1000, 7, 65535, 0]);
        Assert.Equal(new ushort[] { 1000, 65535 }, GreyConversion.ToGrey(image).Data);
    }

    [Fact]
    public void Colour_pixels_use_opencv_fixed_point_luma()
    {
        // (R*9798 + G*19235 + B*3735 + 16384) >> 15:
        // (255, 0, 0): (2498490 + 16384) >> 15 = 2514874 >> 15 = 76
        // (0, 255, 0): (4904925 + 16384) >> 15 = 4921309 >> 15 = 150
        // (0, 0, 255): (952425 + 16384) >> 15 = 968809 >> 15 = 29
        // (10, 20, 30): (97980 + 384700 + 112050 + 16384) >> 15 = 611114 >> 15 = 18
        var image = new Image<byte>(4, 1, 3, [255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30]);
        Assert.Equal(new byte[] { 76, 150, 29, 18 }, GreyConversion.ToGrey(image).Data);
    }

    [Fact]
    public void Sixteen_bit_colour_uses_the_same_coefficients_without_overflow()
    {
        // (65535, 65535, 65535) is neutral -> 65535. (65535, 0, 0): (642111930 + 16384) >> 15 = 642128314 >> 15 = 19596.
        // (0, 65535, 65535): (1260565725 + 244773225 + 16384) >> 15 = 1505355334 >> 15 = 45939.
        var image = new Image<ushort>(2, 1, 4, [65535, 0, 0, 1, 0, 65535, 65535, 2]);
        Assert.Equal(new ushort[] { 19596, 45939 }, GreyConversion.ToGrey(image).Data);
    }

    [Fact]
    public void Alpha_is_ignored()
    {
        var a = new Image<byte>(1, 1, 4, [10, 20, 30, 0]);
        var b = new Image<byte>(1, 1, 4, [10, 20, 30, 255]);
        Assert.Equal(GreyConversion.ToGrey(a).Data, GreyConversion.ToGrey(b).Data);
    }

    [Fact]
    public void Untyped_overload_dispatches_and_refuses_float()
    {
        IImage image = new Image<ushort>(1, 1, 3, [300, 300, 300]);
        Assert.Equal(new ushort[] { 300 }, Assert.IsType<Image<ushort>>(GreyConversion.ToGrey(image)).Data);
        Assert.Throws<InputException>(() => GreyConversion.ToGrey(new Image<float>(1, 1, 3)));
    }

    [Property]
    public Property Neutral_colour_gives_exactly_red(NonEmptyArray<byte> values, bool withAlpha)
    {
        int channels = withAlpha ? 4 : 3;
        byte[] grey = values.Get;
        var data = new byte[grey.Length * channels];
        for (int p = 0; p < grey.Length; p++)
        {
            data[p * channels] = data[p * channels + 1] = data[p * channels + 2] = grey[p];
            if (withAlpha) data[p * channels + 3] = (byte)(p * 37);
        }
        var result = GreyConversion.ToGrey(new Image<byte>(grey.Length, 1, channels, data));
        return result.Data.SequenceEqual(grey).ToProperty();
    }

    [Property]
    public Property Sixteen_bit_neutral_pixels_among_colour_ones_give_exactly_red(ushort value, ushort red, ushort green)
    {
        // One colour pixel forces the luma path; the neutral pixel must still come out as its value.
        var image = new Image<ushort>(2, 1, 3, [value, value, value, red, green, (ushort)(green ^ 1)]);
        return (GreyConversion.ToGrey(image)[0, 0] == value).ToProperty();
    }
}
