using Research.Imaging;
using Research.Imaging.Codecs;
using static Research.Tests.Imaging.Codecs.CodecTestSupport;

namespace Research.Tests.Imaging.Codecs;

public sealed class PngRoundTripTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Eight_bit_png_round_trips_exactly(int channels)
    {
        using var temp = new TempFolder();
        var image = Pattern8(37, 29, channels);
        ImageFile.Write(temp.File("a.png"), image);
        AssertSame(image, ImageFile.Read(temp.File("a.png")));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Sixteen_bit_png_round_trips_exactly(int channels)
    {
        using var temp = new TempFolder();
        var image = Pattern16(41, 23, channels);
        Assert.Contains(image.Data, v => v % 257 != 0);
        ImageFile.Write(temp.File("a.png"), image);
        AssertSame(image, ImageFile.Read(temp.File("a.png")));
    }

    [Fact]
    public void Every_filter_type_is_used_and_undone()
    {
        // Random noise next to smooth ramps makes the adaptive filter pick different filters on different rows.
        var random = new Random(7);
        var image = Make<ushort>(64, 40, 3, (x, y, c) => (ushort)(y % 4 == 0 ? random.Next(65536) : x * 1000 + y * 300 + c * (x ^ y)));
        using var stream = new MemoryStream();
        ImageFile.Write(stream, ImageFormat.Png, image);
        stream.Position = 0;
        AssertSame(image, ImageFile.Read(stream, "memory.png"));
    }

    [Fact]
    public void Writing_is_deterministic()
    {
        var image = Pattern16(50, 30, 4);
        Assert.Equal(Encode(image), Encode(image.Clone()));
    }

    [Fact]
    public void Read_T_returns_the_typed_image_and_names_both_types_when_they_differ()
    {
        using var temp = new TempFolder();
        string path = temp.File("sixteen.png");
        ImageFile.Write(path, Pattern16(5, 4, 1));
        Assert.Equal(5, ImageFile.Read<ushort>(path).Width);
        var error = Assert.Throws<ImageFileException>(() => ImageFile.Read<byte>(path));
        Assert.StartsWith(path, error.Message);
        Assert.Contains("UInt16", error.Message);
        Assert.Contains("UInt8", error.Message);
    }

    private static byte[] Encode(IImage image)
    {
        using var stream = new MemoryStream();
        ImageFile.Write(stream, ImageFormat.Png, image);
        return stream.ToArray();
    }
}
