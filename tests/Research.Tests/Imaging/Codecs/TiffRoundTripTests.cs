using Research.Imaging;
using Research.Imaging.Codecs;
using static Research.Tests.Imaging.Codecs.CodecTestSupport;

namespace Research.Tests.Imaging.Codecs;

public sealed class TiffRoundTripTests
{
    public static TheoryData<TiffCompression, int> Cases()
    {
        var data = new TheoryData<TiffCompression, int>();
        foreach (var compression in Enum.GetValues<TiffCompression>())
            foreach (int channels in new[] { 1, 2, 3, 4 })
                data.Add(compression, channels);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Byte_tiff_round_trips(TiffCompression compression, int channels) =>
        RoundTrip(Pattern8(33, 21, channels), compression);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Ushort_tiff_round_trips(TiffCompression compression, int channels) =>
        RoundTrip(Pattern16(33, 21, channels), compression);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Float_tiff_round_trips(TiffCompression compression, int channels) =>
        RoundTrip(PatternFloat(33, 21, channels), compression);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Int_tiff_round_trips(TiffCompression compression, int channels) =>
        RoundTrip(PatternInt(33, 21, channels), compression);

    [Fact]
    public void Tall_images_span_several_strips()
    {
        // 600 rows of 300 x 3 x 2 bytes: about 36 rows per 64 KiB strip, so 17 strips.
        RoundTrip(Pattern16(300, 600, 3), TiffCompression.Lzw);
    }

    [Fact]
    public void Multi_page_16_bit_tiff_keeps_every_page()
    {
        using var temp = new TempFolder();
        string path = temp.File("stack.tif");
        var pages = Enumerable.Range(0, 4)
            .Select(p => Make<ushort>(19 + p, 13, 1, (x, y, c) => (ushort)((V16(x, y, c) + p * 4099) % 65536)))
            .ToArray();
        ImageFile.WritePages(path, pages);
        var read = ImageFile.ReadPages(path);
        Assert.Equal(pages.Length, read.Count);
        for (int p = 0; p < pages.Length; p++) AssertSame(pages[p], read[p]);
        AssertSame(pages[0], ImageFile.Read(path));
    }

    [Fact]
    public void Pages_may_differ_in_type_and_channels()
    {
        using var temp = new TempFolder();
        string path = temp.File("mixed.tiff");
        IImage[] pages = [Pattern8(8, 6, 3), PatternFloat(5, 9, 1), PatternInt(4, 4, 2)];
        ImageFile.WritePages(path, pages, new ImageWriteOptions { TiffCompression = TiffCompression.None });
        var read = ImageFile.ReadPages(path);
        AssertSame((Image<byte>)pages[0], read[0]);
        AssertSame((Image<float>)pages[1], read[1]);
        AssertSame((Image<int>)pages[2], read[2]);
    }

    [Fact]
    public void Other_formats_read_as_one_page_and_refuse_several()
    {
        using var temp = new TempFolder();
        string path = temp.File("one.png");
        ImageFile.Write(path, Pattern8(4, 4, 1));
        Assert.Single(ImageFile.ReadPages(path));
        var error = Assert.Throws<InputException>(() => ImageFile.WritePages(path, [Pattern8(4, 4, 1), Pattern8(4, 4, 1)]));
        Assert.Contains("TIFF", error.Message);
    }

    [Fact]
    public void Compression_changes_the_bytes_and_writing_is_deterministic()
    {
        var image = Pattern16(64, 64, 1);
        byte[] none = Encode(image, TiffCompression.None), lzw = Encode(image, TiffCompression.Lzw), deflate = Encode(image, TiffCompression.Deflate);
        Assert.True(none.Length > 64 * 64 * 2, $"uncompressed file has {none.Length} bytes");
        Assert.NotEqual(none, lzw);
        Assert.NotEqual(lzw, deflate);
        Assert.Equal(deflate, Encode(image.Clone(), TiffCompression.Deflate));
    }

    private static void RoundTrip<T>(Image<T> image, TiffCompression compression) where T : unmanaged, IEquatable<T>
    {
        using var temp = new TempFolder();
        string path = temp.File("a.tif");
        ImageFile.Write(path, image, new ImageWriteOptions { TiffCompression = compression });
        AssertSame(image, ImageFile.Read(path));
    }

    private static byte[] Encode(IImage image, TiffCompression compression)
    {
        using var stream = new MemoryStream();
        ImageFile.Write(stream, ImageFormat.Tiff, image, new ImageWriteOptions { TiffCompression = compression });
        return stream.ToArray();
    }
}
