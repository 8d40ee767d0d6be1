using System.Globalization;
using Research.Imaging;
using Research.Imaging.Codecs;
using Research.Processing;
using Research.Processing.Pipeline;
using Research.Tests.Imaging.Codecs;

namespace Research.Tests.Processing.Pipeline;

/// <summary><see cref="PreprocessRun"/> with masks and tiling.</summary>
public sealed class PreprocessRunTests
{
    private static Image<byte> Gradient(int w, int h)
    {
        var image = new Image<byte>(w, h);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) image[x, y] = (byte)((x * 5 + y * 3) % 256);
        return image;
    }

    private static Image<ushort> Labels(int w, int h)
    {
        var labels = new Image<ushort>(w, h);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) labels[x, y] = (ushort)((x / 10 + 1) * ((y / 10) % 2));
        return labels;
    }

    [Fact]
    public void Intensity_steps_leave_masks_alone_and_resize_uses_nearest_for_them()
    {
        var pipeline = new PreprocessPipeline([new ResizeStep { Width = 17, Height = 13, Interpolation = ResizeInterpolation.Linear },
            new GammaStep { Gamma = 0.5 }, new ClaheStep(), new NormalizeStep()]);
        var labels = Labels(50, 30);
        var mask = (Image<ushort>)pipeline.ApplyToMask(labels);
        Assert.Equal(Resize.To(labels, 17, 13, ResizeInterpolation.Nearest).Data, mask.Data);
        Assert.Subset(labels.Data.ToHashSet(), mask.Data.ToHashSet());
    }

    [Fact]
    public void Images_and_masks_are_padded_and_tiled_and_the_tiles_stitch_back()
    {
        using var temp = new TempFolder();
        string input = temp.File("in"), masks = temp.File("masks"), output = temp.File("out");
        Directory.CreateDirectory(input);
        Directory.CreateDirectory(masks);
        ImageFile.Write(Path.Combine(input, "a.png"), Gradient(50, 30));
        ImageFile.Write(Path.Combine(masks, "a.tif"), Labels(50, 30));
        var pipeline = new PreprocessPipeline([new PadStep { Multiple = 16, Mode = PaddingMode.Reflect }]);

        var written = PreprocessRun.Run(pipeline, input, output, force: false, options: new PreprocessRunOptions { Masks = masks, Tile = 32, Stride = 24 });

        // 50 x 30 padded to 64 x 32; corners x 0, 24, 32 (the last flush with the edge), y 0.
        string[] tiles = ["a_y0000_x0000.png", "a_y0000_x0024.png", "a_y0000_x0032.png"];
        Assert.Equal([.. tiles, .. tiles.Select(t => "masks/" + Path.ChangeExtension(t, ".tif")), "tiles.csv", "pipeline.json"], written);
        var index = File.ReadAllLines(Path.Combine(output, "tiles.csv"));
        Assert.Equal(["file,source,x,y,width,height", "a_y0000_x0000.png,a,0,0,32,32", "a_y0000_x0024.png,a,24,0,32,32", "a_y0000_x0032.png,a,32,0,32,32"], index);

        var expected = (Image<byte>)pipeline.Apply(Gradient(50, 30));
        var expectedMask = (Image<ushort>)pipeline.ApplyToMask(Labels(50, 30));
        var stitched = new Image<byte>(64, 32);
        var stitchedMask = new Image<ushort>(64, 32);
        foreach (string row in index.Skip(1))
        {
            var f = row.Split(',');
            int x0 = int.Parse(f[2], CultureInfo.InvariantCulture), y0 = int.Parse(f[3], CultureInfo.InvariantCulture);
            var tile = ImageFile.Read<byte>(Path.Combine(output, f[0]));
            var maskTile = ImageFile.Read<ushort>(Path.Combine(output, "masks", Path.ChangeExtension(f[0], ".tif")));
            for (int y = 0; y < int.Parse(f[5], CultureInfo.InvariantCulture); y++)
            {
                for (int x = 0; x < int.Parse(f[4], CultureInfo.InvariantCulture); x++)
                {
                    stitched[x0 + x, y0 + y] = tile[x, y];
                    stitchedMask[x0 + x, y0 + y] = maskTile[x, y];
                }
            }
        }
        Assert.Equal(expected.Data, stitched.Data);
        Assert.Equal(expectedMask.Data, stitchedMask.Data);
    }

    [Fact]
    public void A_missing_or_mis_sized_mask_names_the_files_and_writes_nothing()
    {
        using var temp = new TempFolder();
        string input = temp.File("in"), masks = temp.File("masks"), output = temp.File("out");
        Directory.CreateDirectory(input);
        Directory.CreateDirectory(masks);
        ImageFile.Write(Path.Combine(input, "a.png"), Gradient(20, 10));
        ImageFile.Write(Path.Combine(input, "b.png"), Gradient(20, 10));
        ImageFile.Write(Path.Combine(masks, "a.png"), new Image<byte>(20, 10));
        var pipeline = new PreprocessPipeline([new GammaStep { Gamma = 2 }]);

        var missing = Assert.Throws<InputException>(() => PreprocessRun.Run(pipeline, input, output, false, options: new PreprocessRunOptions { Masks = masks }));
        Assert.Equal($"{Path.Combine(input, "b.png")}: no mask named 'b.*' in {masks}; every image needs its mask (same file stem).", missing.Message);
        Assert.False(Directory.Exists(output));

        ImageFile.Write(Path.Combine(masks, "b.png"), new Image<byte>(10, 10));
        var size = Assert.Throws<InputException>(() => PreprocessRun.Run(pipeline, input, output, false, options: new PreprocessRunOptions { Masks = masks }));
        Assert.Equal($"{Path.Combine(masks, "b.png")}: 10 x 10 px, but its image {Path.Combine(input, "b.png")} is 20 x 10 px.", size.Message);
        Assert.False(Directory.Exists(output));
    }

    [Theory]
    [InlineData(0, 8, "--stride needs --tile.")]
    [InlineData(16, 24, "A stride of 24 px larger than the tile (16 px) would leave gaps; use a stride at most the tile size.")]
    [InlineData(-1, 0, "--tile must be 0 (no tiling) or a side in pixels, got -1.")]
    public void Bad_tiling_is_refused(int tile, int stride, string message) =>
        Assert.Equal(message, Assert.Throws<InputException>(() => new PreprocessRunOptions { Tile = tile, Stride = stride }.Validate()).Message);
}
