using Research.Imaging;
using Research.Imaging.Codecs;
using static Research.Tests.Imaging.Codecs.CodecTestSupport;

namespace Research.Tests.Imaging.Codecs;

public sealed class BmpJpegRoundTripTests
{
    [Theory]
    [InlineData(1, 31)] // odd widths exercise the 4-byte row padding
    [InlineData(3, 31)]
    [InlineData(1, 32)]
    [InlineData(3, 5)]
    public void Bmp_round_trips_exactly(int channels, int width)
    {
        using var temp = new TempFolder();
        var image = Pattern8(width, 19, channels);
        ImageFile.Write(temp.File("a.bmp"), image);
        AssertSame(image, ImageFile.Read(temp.File("a.bmp")));
    }

    [Fact]
    public void Bmp_rgb_is_stored_bottom_up_in_bgr_order()
    {
        var image = Make<byte>(1, 2, 3, (x, y, c) => (byte)(10 * y + c + 1)); // top (1,2,3), bottom (11,12,13)
        using var stream = new MemoryStream();
        ImageFile.Write(stream, ImageFormat.Bmp, image);
        byte[] file = stream.ToArray();
        Assert.Equal(54 + 2 * 4, file.Length);
        Assert.Equal(new byte[] { 13, 12, 11, 0, 3, 2, 1, 0 }, file[54..]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Jpeg_round_trips_approximately(int channels)
    {
        using var temp = new TempFolder();
        // A smooth image: JPEG keeps it within a few grey levels at quality 95.
        var image = Make<byte>(64, 48, channels, (x, y, c) => (byte)(40 + 2 * x + y + 30 * c));
        ImageFile.Write(temp.File("a.jpg"), image);
        var read = Assert.IsType<Image<byte>>(ImageFile.Read(temp.File("a.jpg")));
        Assert.Equal((64, 48, channels), (read.Width, read.Height, read.Channels));
        double meanError = image.Data.Zip(read.Data, (a, b) => Math.Abs(a - b)).Average();
        Assert.True(meanError < 2.0, $"mean absolute error {meanError}");
    }

    [Fact]
    public void Jpeg_quality_changes_the_size()
    {
        var random = new Random(3);
        var image = Make<byte>(64, 64, 3, (_, _, _) => (byte)random.Next(256));
        Assert.True(Encode(image, 20).Length < Encode(image, 95).Length);
        Assert.Equal(Encode(image, 80), Encode(image, 80));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void Jpeg_quality_outside_1_to_100_is_refused(int quality) =>
        Assert.Throws<InputException>(() => new ImageWriteOptions { JpegQuality = quality });

    private static byte[] Encode(IImage image, int quality)
    {
        using var stream = new MemoryStream();
        ImageFile.Write(stream, ImageFormat.Jpeg, image, new ImageWriteOptions { JpegQuality = quality });
        return stream.ToArray();
    }
}
