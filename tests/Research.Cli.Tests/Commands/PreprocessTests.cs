using Research.Imaging;
using Research.Imaging.Codecs;
using Research.Processing;

namespace Research.Cli.Tests.Commands;

public sealed class PreprocessTests
{
    private static Image<byte> Gradient(int w, int h)
    {
        var image = new Image<byte>(w, h);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) image[x, y] = (byte)((x * 7 + y * 3) % 256);
        return image;
    }

    [Fact]
    public void Options_build_a_pipeline_applied_to_every_image_of_a_folder()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Combine("in"));
        ImageFile.Write(temp.Combine("in", "a.png"), Gradient(64, 48));
        ImageFile.Write(temp.Combine("in", "b.png"), Gradient(40, 40));
        string dir = temp.Combine("out");
        var (code, _, error) = CliRunner.Run("preprocess", "--input", temp.Combine("in"), "--out", dir, "--resize", "32", "--clahe", "2", "--tiles", "4");
        Assert.True(code == 0, error);
        var a = ImageFile.Read<byte>(Path.Combine(dir, "a.png"));
        var expected = Clahe.Apply(Resize.To(Gradient(64, 48), 32, 32, ResizeInterpolation.Linear), new ClaheOptions { ClipLimit = 2, TilesX = 4, TilesY = 4 });
        Assert.Equal(expected.Data, a.Data);
        Assert.Contains("\"clip_limit\": 2", File.ReadAllText(Path.Combine(dir, "pipeline.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_pipeline_with_normalisation_writes_float_tiff()
    {
        using var temp = new TempFolder();
        ImageFile.Write(temp.Combine("a.png"), Gradient(20, 10));
        File.WriteAllText(temp.Combine("p.json"), """{"steps": [{"name": "gamma", "gamma": 0.5}, {"name": "normalize", "method": "min_max"}]}""");
        string dir = temp.Combine("out");
        var (code, _, error) = CliRunner.Run("preprocess", "--input", temp.Combine("a.png"), "--out", dir, "--pipeline", temp.Combine("p.json"));
        Assert.True(code == 0, error);
        var result = ImageFile.Read<float>(Path.Combine(dir, "a.tif"));
        Assert.Equal(0f, result.Data.Min());
        Assert.Equal(1f, result.Data.Max());
    }

    [Fact]
    public void Masks_follow_the_geometry_and_results_can_be_tiled()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Combine("in"));
        Directory.CreateDirectory(temp.Combine("masks"));
        ImageFile.Write(temp.Combine("in", "a.png"), Gradient(40, 20));
        var mask = new Image<byte>(40, 20);
        for (int x = 10; x < 20; x++) mask[x, 5] = 255;
        ImageFile.Write(temp.Combine("masks", "a.png"), mask);
        string dir = temp.Combine("out");

        var (code, output, error) = CliRunner.Run("preprocess", "--input", temp.Combine("in"), "--out", dir, "--masks", temp.Combine("masks"),
            "--resize", "32", "--gamma", "0.5", "--pad-multiple", "48", "--pad-mode", "constant", "--tile", "24");

        Assert.True(code == 0, error);
        Assert.Contains("Wrote 4 images, 4 masks, tiles.csv and pipeline.json", output, StringComparison.Ordinal);
        Assert.Equal(5, File.ReadAllLines(Path.Combine(dir, "tiles.csv")).Length);
        var maskTile = ImageFile.Read<byte>(Path.Combine(dir, "masks", "a_y0000_x0000.png"));
        Assert.Subset(new HashSet<byte> { 0, 255 }, maskTile.Data.ToHashSet()); // nearest neighbour, no gamma
        Assert.Contains(maskTile.Data, v => v == 255);
        Assert.Contains("\"name\": \"pad\"", File.ReadAllText(Path.Combine(dir, "pipeline.json")), StringComparison.Ordinal);

        var (bad, _, message) = CliRunner.Run("preprocess", "--input", temp.Combine("in"), "--out", temp.Combine("out2"), "--tile", "16", "--stride", "20");
        Assert.Equal(2, bad);
        Assert.Contains("would leave gaps", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"steps": [{"name": "sharpen"}]}""", "valid steps: grey, resize, clahe, gamma, normalize, pad")]
    [InlineData("""{"steps": [{"name": "clahe", "clip": 2}]}""", "steps[0] ('clahe'): unknown key \"clip\"; valid keys: name, clip_limit, tiles_x, tiles_y")]
    [InlineData("""{"steps": [{"name": "resize", "interpolation": "cubic"}]}""", "steps[0] ('resize'): invalid value at $.interpolation")]
    public void A_bad_pipeline_file_names_the_key_and_writes_nothing(string json, string expected)
    {
        using var temp = new TempFolder();
        ImageFile.Write(temp.Combine("a.png"), Gradient(20, 10));
        File.WriteAllText(temp.Combine("p.json"), json);
        var (code, _, error) = CliRunner.Run("preprocess", "--input", temp.Combine("a.png"), "--out", temp.Combine("out"), "--pipeline", temp.Combine("p.json"));
        Assert.Equal(2, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.Combine("out")));
    }
}
