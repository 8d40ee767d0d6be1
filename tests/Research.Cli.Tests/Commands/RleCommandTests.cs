using Research.Imaging;
using Research.Imaging.Codecs;

namespace Research.Cli.Tests.Commands;

public sealed class RleCommandTests
{
    // Image a is 3 wide, 2 high: object 1 = pixels 1-2 (column 0), object 2 = pixels 5-6 (column 2).
    private const string Csv = "ImageId,EncodedPixels,Height,Width\na,1 2,2,3\na,5 2,2,3\nempty,,2,2\n";

    [Fact]
    public void Decode_writes_one_16_bit_label_tiff_per_image()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.Combine("in.csv"), Csv);
        var (code, output, error) = CliRunner.Run("rle", "decode", "--csv", temp.Combine("in.csv"), "--out", temp.Combine("labels"));
        Assert.True(code == 0, error);
        Assert.Contains("Wrote 2 label images with 2 objects", output, StringComparison.Ordinal);
        var a = ImageFile.Read<ushort>(temp.Combine("labels", "a.tif"));
        Assert.Equal(new ushort[] { 1, 0, 2, 1, 0, 2 }, a.Data);
        Assert.All(ImageFile.Read<ushort>(temp.Combine("labels", "empty.tif")).Data, v => Assert.Equal(0, v));
    }

    [Fact]
    public void Decode_takes_sizes_from_the_dsb_layout_when_the_csv_has_none()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Combine("imgs", "a", "images"));
        ImageFile.Write(temp.Combine("imgs", "a", "images", "a.png"), new Image<byte>(3, 2));
        File.WriteAllText(temp.Combine("in.csv"), "ImageId,EncodedPixels\r\na,2 4\r\n");
        var (code, _, error) = CliRunner.Run("rle", "decode", "--csv", temp.Combine("in.csv"), "--out", temp.Combine("labels"), "--images", temp.Combine("imgs"));
        Assert.True(code == 0, error);
        Assert.Equal(new ushort[] { 0, 1, 1, 1, 1, 0 }, ImageFile.Read<ushort>(temp.Combine("labels", "a.tif")).Data);
    }

    [Theory]
    [InlineData("ImageId,EncodedPixels\nlost,1 1\n", "no size for ImageId lost (line 2)")]
    [InlineData("ImageId,EncodedPixels,Height,Width\nok,1 1,2,2\nbad,3 0,2,2\n", "in.csv line 3 (ImageId bad): run 1 ('3 0') has length 0")]
    public void Bad_input_exits_2_naming_the_row_and_writes_nothing(string csv, string expected)
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.Combine("in.csv"), csv);
        var (code, _, error) = CliRunner.Run("rle", "decode", "--csv", temp.Combine("in.csv"), "--out", temp.Combine("labels"));
        Assert.Equal(2, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.Combine("labels")));
        Assert.Empty(Directory.GetDirectories(temp.Path, ".*staging*"));
    }

    [Fact]
    public void Encode_writes_canonical_rows_in_label_order_and_an_empty_row_for_an_image_without_objects()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Combine("labels"));
        // Row-major 3x2: labels 5 and 2; label 2 covers pixels 3 (x=1,y=0) and 4 (x=1,y=1) -> "3 2";
        // label 5 covers pixels 1 (x=0,y=0) and 6 (x=2,y=1) -> "1 1 6 1".
        ImageFile.Write(temp.Combine("labels", "b.tif"), new Image<ushort>(3, 2, 1, [5, 2, 0, 0, 2, 5]));
        ImageFile.Write(temp.Combine("labels", "a.tif"), new Image<ushort>(2, 2));
        var (code, output, error) = CliRunner.Run("rle", "encode", "--labels", temp.Combine("labels"), "--out", temp.Combine("out.csv"));
        Assert.True(code == 0, error);
        Assert.Contains("Wrote 2 objects of 2 images", output, StringComparison.Ordinal);
        Assert.Equal("ImageId,EncodedPixels\na,\nb,3 2\nb,1 1 6 1\n", File.ReadAllText(temp.Combine("out.csv")));
    }

    [Fact]
    public void Encode_then_decode_round_trips_with_sizes()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.Combine("in.csv"), Csv);
        Assert.Equal(0, CliRunner.Run("rle", "decode", "--csv", temp.Combine("in.csv"), "--out", temp.Combine("labels")).ExitCode);
        Assert.Equal(0, CliRunner.Run("rle", "encode", "--labels", temp.Combine("labels"), "--out", temp.Combine("out.csv"), "--sizes").ExitCode);
        Assert.Equal(Csv, File.ReadAllText(temp.Combine("out.csv")));
    }
}
