using Research.Imaging;
using Research.Imaging.Codecs;
using static Research.Tests.Imaging.Codecs.CodecTestSupport;

namespace Research.Tests.Imaging.Codecs;

public sealed class WriteTests
{
    [Theory]
    [InlineData("a.png", ImageFormat.Png)]
    [InlineData("dir/a.PNG", ImageFormat.Png)]
    [InlineData("a.jpg", ImageFormat.Jpeg)]
    [InlineData("a.JPEG", ImageFormat.Jpeg)]
    [InlineData("a.bmp", ImageFormat.Bmp)]
    [InlineData("a.tif", ImageFormat.Tiff)]
    [InlineData("a.Tiff", ImageFormat.Tiff)]
    public void Format_comes_from_the_extension(string path, ImageFormat expected) =>
        Assert.Equal(expected, ImageFile.FormatFromExtension(path));

    [Theory]
    [InlineData("a.gif")]
    [InlineData("a")]
    [InlineData("a.png.txt")]
    public void Unknown_extensions_list_the_supported_ones(string path)
    {
        var error = Assert.Throws<InputException>(() => ImageFile.FormatFromExtension(path));
        Assert.StartsWith(path, error.Message);
        Assert.Contains(".png, .jpg, .jpeg, .bmp, .tif or .tiff", error.Message);
    }

    [Fact]
    public void Writing_into_a_missing_folder_fails_and_leaves_nothing_behind()
    {
        using var temp = new TempFolder();
        string path = Path.Combine(temp.Path, "missing", "a.png");
        var error = Assert.Throws<InputException>(() => ImageFile.Write(path, Pattern8(4, 4, 1)));
        Assert.Contains("does not exist", error.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void A_failed_write_keeps_the_old_file_and_leaves_no_temporary_file()
    {
        using var temp = new TempFolder();
        string path = temp.File("a.jpg");
        File.WriteAllText(path, "old");
        Assert.Throws<InputException>(() => ImageFile.Write(path, Pattern16(4, 4, 1)));
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void Overwriting_replaces_the_file()
    {
        using var temp = new TempFolder();
        string path = temp.File("a.png");
        ImageFile.Write(path, Pattern8(4, 4, 1));
        var second = Pattern16(6, 5, 3);
        ImageFile.Write(path, second);
        AssertSame(second, ImageFile.Read(path));
        Assert.Single(Directory.GetFiles(temp.Path));
    }

    public static TheoryData<string, IImage, string> Unsupported() => new()
    {
        { "f.png", PatternFloat(3, 3, 1), "TIFF (.tif) only" },
        { "i.png", PatternInt(3, 3, 1), "TIFF (.tif) only" },
        { "u.jpg", Pattern16(3, 3, 1), "PNG (.png) or TIFF (.tif)" },
        { "u.bmp", Pattern16(3, 3, 3), "PNG (.png) or TIFF (.tif)" },
        { "rgba.jpg", Pattern8(3, 3, 4), "grey (1 channel) or RGB (3 channels)" },
        { "ga.bmp", Pattern8(3, 3, 2), "grey (1 channel) or RGB (3 channels)" },
    };

    [Theory]
    [MemberData(nameof(Unsupported))]
    public void Unsupported_combinations_name_the_file_and_the_formats_that_can_hold_the_image(string name, IImage image, string expected)
    {
        using var temp = new TempFolder();
        string path = temp.File(name);
        var error = Assert.Throws<InputException>(() => ImageFile.Write(path, image));
        Assert.StartsWith(path + ": ", error.Message);
        Assert.Contains(expected, error.Message);
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void Default_options_are_documented_values()
    {
        Assert.Equal(95, ImageWriteOptions.Default.JpegQuality);
        Assert.Equal(TiffCompression.Deflate, ImageWriteOptions.Default.TiffCompression);
    }
}
