using Research.Augmentation;
using Research.Imaging;
using Research.Imaging.Codecs;

namespace Research.Cli.Tests.Commands;

public sealed class AugmentTests
{
    private static Image<ushort> Image16(int w, int h)
    {
        var image = new Image<ushort>(w, h);
        for (int i = 0; i < image.Data.Length; i++) image.Data[i] = (ushort)(i * 977 % 65536);
        return image;
    }

    private static Image<byte> Mask(int w, int h)
    {
        var mask = new Image<byte>(w, h);
        for (int y = 2; y < 6; y++) for (int x = 3; x < Math.Min(9, w); x++) mask[x, y] = 255;
        return mask;
    }

    [Fact]
    public void Writes_113_folds_of_a_16_bit_tiff_and_its_png_mask_with_the_index()
    {
        using var temp = new TempFolder();
        var image = Image16(20, 12);
        ImageFile.Write(temp.Combine("img.tif"), image);
        ImageFile.Write(temp.Combine("mask.png"), Mask(20, 12));
        string dir = temp.Combine("out");
        var (code, _, error) = CliRunner.Run("augment", "--image", temp.Combine("img.tif"), "--mask", temp.Combine("mask.png"), "--mask-kind", "binary", "--out", dir);
        Assert.True(code == 0, error);

        var lines = File.ReadAllLines(Path.Combine(dir, "index.csv"));
        Assert.Equal("fold,rotation,flip,axis,shift,image,mask", lines[0]);
        Assert.Equal(114, lines.Length);
        Assert.Equal("0,0,0,none,0,images/000.tif,masks/000.png", lines[1]);
        // fold 1 + ((1 * 2 + 1) * 2 + 1) * 7 + (3 - 1) = 52: rotate 90, flip, axis y, k = 3; rotated height 20 -> shift 7.
        Assert.Equal("52,90,1,y,7,images/052.tif,masks/052.png", lines[53]);
        Assert.Equal(113, Directory.GetFiles(Path.Combine(dir, "images"), "*.tif").Length);
        Assert.Equal(113, Directory.GetFiles(Path.Combine(dir, "masks"), "*.png").Length);

        var fold = FoldSchemes.Folds(AugmentationScheme.Fold113)[52];
        var written = ImageFile.Read<ushort>(Path.Combine(dir, "images", "052.tif"));
        Assert.Equal(FoldGeometry.Apply(image, fold).Data, written.Data);
        var mask = ImageFile.Read<byte>(Path.Combine(dir, "masks", "052.png"));
        Assert.Equal(FoldGeometry.Apply(Mask(20, 12), fold).Data, mask.Data);
        Assert.True(File.Exists(Path.Combine(dir, "augmentation.json")));
    }

    [Fact]
    public void D4_scheme_writes_eight_folds_without_mask_column_values()
    {
        using var temp = new TempFolder();
        ImageFile.Write(temp.Combine("img.png"), new Image<byte>(5, 4));
        string dir = temp.Combine("out");
        var (code, _, error) = CliRunner.Run("augment", "--image", temp.Combine("img.png"), "--scheme", "d4", "--out", dir);
        Assert.True(code == 0, error);
        var lines = File.ReadAllLines(Path.Combine(dir, "index.csv"));
        Assert.Equal(9, lines.Length);
        Assert.Equal("7,270,1,none,0,images/007.png,", lines[8]);
        Assert.False(Directory.Exists(Path.Combine(dir, "masks")));
    }

    [Theory]
    [InlineData("size", "the mask is 19x12 but the image is 20x12")]
    [InlineData("values", "holds 7")]
    [InlineData("scheme", "valid schemes: fold113, d4")]
    [InlineData("small", "needs both at least 8 px")]
    public void Bad_input_exits_2_with_a_clear_message_and_writes_nothing(string problem, string expected)
    {
        using var temp = new TempFolder();
        ImageFile.Write(temp.Combine("img.png"), problem == "small" ? new Image<byte>(7, 12) : new Image<byte>(20, 12));
        var mask = problem == "size" ? Mask(19, 12) : Mask(20, 12);
        if (problem == "values") mask[10, 10] = 7;
        ImageFile.Write(temp.Combine("mask.png"), problem == "small" ? Mask(7, 12) : mask);
        string dir = temp.Combine("out");
        var (code, _, error) = CliRunner.Run("augment", "--image", temp.Combine("img.png"), "--mask", temp.Combine("mask.png"),
            "--mask-kind", "binary", "--scheme", problem == "scheme" ? "fold8" : "fold113", "--out", dir);
        Assert.Equal(2, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir));
        Assert.Empty(Directory.GetDirectories(temp.Path));
    }
}
