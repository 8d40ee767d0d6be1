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

    [Theory]
    [InlineData(8)]
    [InlineData(16)]
    public void Every_filter_type_is_used_and_undone(int bits)
    {
        // Noise, ramps, repeated rows, 2-D gradients and running means make the adaptive filter pick each of the five filters.
        // 8-bit files are decoded by SkiaSharp (independent of our writer), 16-bit ones by our reader.
        var random = new Random(7);
        int max = bits == 8 ? 255 : 65535;
        var image = Make<int>(64, 50, 3, (x, y, c) => (y / 10) switch
        {
            0 => random.Next(max + 1),
            1 => x * 3 + c,
            2 => (x * 7 + c * 11) % (max + 1),
            3 => (x * x + y * y * 3 + c) % (max + 1),
            _ => (x * 5 + y * 9 + random.Next(3) + c) % (max + 1),
        });
        // Rows 40-49: each sample is the mean of its left and upper neighbours plus 0 or 1, which suits the average filter.
        int rowLength = image.RowLength;
        for (int y = 40; y < 50; y++)
            for (int i = 0; i < rowLength; i++)
                image.Data[y * rowLength + i] = Math.Min(max, (((i >= 3 ? image.Data[y * rowLength + i - 3] : 0) + image.Data[(y - 1) * rowLength + i]) >> 1) + random.Next(2));
        IImage typed = bits == 8
            ? new Image<byte>(64, 50, 3, image.Data.Select(v => (byte)v).ToArray())
            : new Image<ushort>(64, 50, 3, image.Data.Select(v => (ushort)v).ToArray());
        using var stream = new MemoryStream();
        ImageFile.Write(stream, ImageFormat.Png, typed);
        Assert.Equal([0, 1, 2, 3, 4], FilterTypes(stream.ToArray()));
        stream.Position = 0;
        IImage read = ImageFile.Read(stream, "memory.png");
        if (typed is Image<byte> b) AssertSame(b, read);
        else AssertSame((Image<ushort>)typed, read);
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

    /// <summary>The distinct filter types of the rows of a PNG with one IDAT chunk, as our writer makes.</summary>
    private static int[] FilterTypes(byte[] png)
    {
        int at = png.AsSpan().IndexOf("IDAT"u8);
        int length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at - 4));
        using var zlib = new System.IO.Compression.ZLibStream(new MemoryStream(png, at + 4, length), System.IO.Compression.CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        var header = PngHeaderFacts(png);
        int rowBytes = header.Width * header.BytesPerPixel + 1;
        return Enumerable.Range(0, header.Height).Select(y => (int)raw.GetBuffer()[y * rowBytes]).Distinct().Order().ToArray();
    }

    private static (int Width, int Height, int BytesPerPixel) PngHeaderFacts(byte[] png)
    {
        var header = Research.Imaging.Codecs.PngHeader.Parse(png, "memory.png");
        return (header.Width, header.Height, header.Channels * header.BitDepth / 8);
    }

    private static byte[] Encode(IImage image)
    {
        using var stream = new MemoryStream();
        ImageFile.Write(stream, ImageFormat.Png, image);
        return stream.ToArray();
    }
}
