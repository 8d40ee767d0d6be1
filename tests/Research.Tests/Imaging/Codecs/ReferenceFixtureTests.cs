using Research.Imaging;
using Research.Imaging.Codecs;
using static Research.Tests.Imaging.Codecs.CodecTestSupport;

namespace Research.Tests.Imaging.Codecs;

/// <summary>
/// Reads files written by OpenCV 4.6 (tests/reference/make_codec_fixtures.py, whose header documents the
/// formulas recomputed here) and compares them with the formulas, and our grey conversion with cv2.cvtColor.
/// </summary>
public sealed class ReferenceFixtureTests
{
    private const int W = 23, H = 17;

    private static byte Q8(int x, int y, int c) => (byte)((x * x * 7 + y * y * 13 + x * y * 3 + c * 97 + c * x * 29) % 256);

    private static ushort Q16(int x, int y, int c) =>
        (ushort)(((long)x * x * 7919 + (long)y * y * 104729 + x * y * 31 + c * 4099 + c * y * 613) % 65536);

    [Fact]
    public void Grey_16_bit_png_matches_the_formula() =>
        AssertSame(Make<ushort>(W, H, 1, V16), ImageFile.Read(Fixture("grey16.png")));

    [Fact]
    public void Rgb_16_bit_png_matches_the_formula_in_rgb_order() =>
        AssertSame(Make<ushort>(W, H, 3, V16), ImageFile.Read(Fixture("rgb16.png")));

    [Fact]
    public void Rgba_8_bit_png_matches_the_formula_unpremultiplied() =>
        AssertSame(Make<byte>(W, H, 4, V8), ImageFile.Read(Fixture("rgba8.png")));

    [Fact]
    public void Rgb_8_bit_png_reads_as_three_channels() =>
        AssertSame(Make<byte>(W, H, 3, V8), ImageFile.Read(Fixture("rgb8.png")));

    [Fact]
    public void Multi_page_16_bit_tiff_from_imwritemulti_matches_the_formula()
    {
        var pages = ImageFile.ReadPages(Fixture("pages16.tif"));
        Assert.Equal(3, pages.Count);
        for (int p = 0; p < 3; p++)
        {
            int page = p;
            AssertSame(Make<ushort>(W, H, 1, (x, y, c) => (ushort)((V16(x, y, c) + page * 4099) % 65536)), pages[p]);
        }
    }

    [Fact]
    public void Float_tiff_matches_the_formula() =>
        AssertSame(Make<float>(W, H, 1, (x, y, _) => (3 * x - 5 * y) / 8f), ImageFile.Read(Fixture("float32.tif")));

    [Fact]
    public void Grey_conversion_of_8_bit_colour_equals_cv2_cvtColor()
    {
        var colour = ImageFile.Read<byte>(Fixture("colour8.png"));
        AssertSame(Make<byte>(W, H, 3, Q8), colour);
        AssertSame(ImageFile.Read<byte>(Fixture("colour8_grey_cv2.png")), GreyConversion.ToGrey(colour));
    }

    [Fact]
    public void Grey_conversion_of_16_bit_colour_equals_cv2_cvtColor()
    {
        var colour = ImageFile.Read<ushort>(Fixture("colour16.png"));
        AssertSame(Make<ushort>(W, H, 3, Q16), colour);
        var expected = ImageFile.Read<ushort>(Fixture("colour16_grey_cv2.png"));
        AssertSame(expected, GreyConversion.ToGrey(colour));

        // The fixture does tell OpenCV's 15-bit luma from the 14-bit variant: the latter misses some pixels.
        int differing = 0;
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++)
                differing += (colour[x, y, 0] * 4899L + colour[x, y, 1] * 9617L + colour[x, y, 2] * 1868L + 8192) >> 14 != expected[x, y] ? 1 : 0;
        Assert.True(differing > 0, "the 14-bit formula matched cv2 everywhere, so this fixture cannot tell the formulas apart");
    }
}
