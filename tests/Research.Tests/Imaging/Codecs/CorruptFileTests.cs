using Research.Imaging.Codecs;
using static Research.Tests.Imaging.Codecs.CodecTestSupport;

namespace Research.Tests.Imaging.Codecs;

/// <summary>Every unreadable file gives an <see cref="ImageFileException"/> that starts with its path.</summary>
public sealed class CorruptFileTests
{
    [Theory]
    [InlineData("empty.png")]
    [InlineData("empty.tif")]
    [InlineData("empty.jpg")]
    public void Empty_file(string name) => AssertRefused(name, [], "empty");

    [Theory]
    [InlineData(8)]
    [InlineData(16)]
    public void Truncated_png(int bits)
    {
        byte[] whole = bits == 8 ? EncodePng(Pattern8(40, 40, 3)) : EncodePng(Pattern16(40, 40, 3));
        AssertRefused("half.png", whole[..(whole.Length / 2)], "truncated");
    }

    [Fact]
    public void Truncated_tiff()
    {
        using var stream = new MemoryStream();
        ImageFile.Write(stream, ImageFormat.Tiff, Pattern16(40, 40, 1), new ImageWriteOptions { TiffCompression = TiffCompression.None });
        byte[] whole = stream.ToArray();
        AssertRefused("half.tif", whole[..(whole.Length / 2)], null);
    }

    [Fact]
    public void Png_with_a_damaged_chunk()
    {
        byte[] file = EncodePng(Pattern16(20, 20, 1));
        file[45] ^= 0xFF; // inside the IDAT data: its CRC no longer matches
        AssertRefused("damaged.png", file, "CRC");
    }

    [Theory]
    [InlineData("text.png")]
    [InlineData("text.tif")]
    [InlineData("text.bmp")]
    public void Text_file_with_an_image_extension(string name) =>
        AssertRefused(name, "This is not an image, just some text.\n"u8.ToArray(), "text");

    [Theory]
    [InlineData("noise.png")]
    [InlineData("noise.tif")]
    public void Garbage_bytes(string name)
    {
        var bytes = new byte[300];
        new Random(5).NextBytes(bytes);
        bytes[0] = 0x01; // not a known magic number
        AssertRefused(name, bytes, "not a recognised image");
    }

    [Fact]
    public void Garbage_after_a_tiff_header() =>
        AssertRefused("bad.tif", [.. "II*\0"u8, .. Enumerable.Repeat((byte)0xEE, 200)], "TIFF");

    [Fact]
    public void Garbage_after_a_png_signature() =>
        AssertRefused("bad.png", [.. PngSignature, .. Enumerable.Repeat((byte)0x11, 100)], "PNG");

    [Fact]
    public void Gif_is_named_and_refused() =>
        AssertRefused("image.png", [.. "GIF87a"u8, 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 255, 255, 255, (byte)',', 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 1, 0, (byte)';'], "GIF");

    [Fact]
    public void Unsupported_tiff_sample_type_is_named()
    {
        // An 8-bit signed-integer TIFF, written with LibTiff directly.
        using var buffer = new MemoryStream();
        using (var tiff = BitMiracle.LibTiff.Classic.Tiff.ClientOpen("x", "w", buffer, new BitMiracle.LibTiff.Classic.TiffStream()))
        {
            tiff.SetField(BitMiracle.LibTiff.Classic.TiffTag.IMAGEWIDTH, 4);
            tiff.SetField(BitMiracle.LibTiff.Classic.TiffTag.IMAGELENGTH, 2);
            tiff.SetField(BitMiracle.LibTiff.Classic.TiffTag.BITSPERSAMPLE, 8);
            tiff.SetField(BitMiracle.LibTiff.Classic.TiffTag.SAMPLEFORMAT, BitMiracle.LibTiff.Classic.SampleFormat.INT);
            tiff.SetField(BitMiracle.LibTiff.Classic.TiffTag.PHOTOMETRIC, BitMiracle.LibTiff.Classic.Photometric.MINISBLACK);
            tiff.WriteScanline(new byte[4], 0);
            tiff.WriteScanline(new byte[4], 1);
        }
        var error = AssertRefused("signed.tif", buffer.ToArray(), "8-bit INT samples");
        Assert.Contains("not supported", error.Message);
    }

    [Fact]
    public void Missing_file()
    {
        string path = Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid().ToString("N"), "missing.png");
        var error = Assert.Throws<ImageFileException>(() => ImageFile.Read(path));
        Assert.StartsWith($"{path}: file not found", error.Message);
        Assert.Throws<ImageFileException>(() => ImageFile.ReadPages(path));
    }

    [Fact]
    public void Stream_errors_use_the_given_name()
    {
        var error = Assert.Throws<ImageFileException>(() => ImageFile.Read(new MemoryStream([]), "upload #3"));
        Assert.StartsWith("upload #3: ", error.Message);
    }

    private static byte[] PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private static byte[] EncodePng(Research.Imaging.IImage image)
    {
        using var stream = new MemoryStream();
        ImageFile.Write(stream, ImageFormat.Png, image);
        return stream.ToArray();
    }

    private static ImageFileException AssertRefused(string name, byte[] content, string? expected)
    {
        using var temp = new TempFolder();
        string path = temp.File(name);
        File.WriteAllBytes(path, content);
        var error = Assert.Throws<ImageFileException>(() => ImageFile.Read(path));
        Assert.StartsWith(path + ": ", error.Message);
        Assert.Equal(path, error.FilePath);
        if (expected is not null) Assert.Contains(expected, error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", error.Message);
        return error;
    }
}
