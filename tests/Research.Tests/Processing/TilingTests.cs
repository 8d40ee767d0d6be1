using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Research.Imaging;
using Research.Processing;

namespace Research.Tests.Processing;

public sealed class TilingTests
{
    [Fact]
    public void Corners_of_512_tiles_with_stride_400_cover_1600_x_1200()
    {
        // 0, 400, 800 start inside and end before 1600; 1200 + 512 > 1600, so the last tile is flush: 1600 - 512 = 1088.
        Assert.Equal([0, 400, 800, 1088], Tiling.Corners(1600, 512, 400));
        Assert.Equal([0, 400, 688], Tiling.Corners(1200, 512, 400));
        Assert.Equal([0], Tiling.Corners(300, 512, 400));
        Assert.Throws<InputException>(() => Tiling.Corners(1000, 100, 150));
    }

    [Property(MaxTest = 25)]
    public Property Cut_then_stitch_gives_the_image_back(PositiveInt w, PositiveInt h, PositiveInt tile, int seed)
    {
        int width = w.Get % 90 + 1, height = h.Get % 90 + 1, size = tile.Get % 40 + 4, stride = Math.Max(1, size * 3 / 4);
        var rng = new Research.Randomness.SeededRandom((ulong)seed);
        var labels = new Image<ushort>(width, height);
        var floats = new Image<float>(width, height);
        for (int i = 0; i < labels.Data.Length; i++)
        {
            labels.Data[i] = (ushort)rng.NextInt(0, 50);
            floats.Data[i] = (float)rng.Normal();
        }
        var exact = Tiling.StitchExact(Tiling.Cut(labels, size, stride), width, height);
        var average = Tiling.StitchAverage(Tiling.Cut(floats, size, stride), width, height);
        return (exact.Data.SequenceEqual(labels.Data) && average.Data.SequenceEqual(floats.Data)).ToProperty();
    }

    [Fact]
    public void Reflect_padding_mirrors_without_repeating_the_edge_like_numpy_reflect()
    {
        // np.pad([1, 2, 3], 2, mode='reflect') = [3, 2, 1, 2, 3, 2, 1]; 'edge' = [1, 1, 1, 2, 3, 3, 3]
        var row = new Image<byte>(3, 1, 1, [1, 2, 3]);
        Assert.Equal([3, 2, 1, 2, 3, 2, 1], Padding.Pad(row, 0, 0, 2, 2, PaddingMode.Reflect).Data);
        Assert.Equal([1, 1, 1, 2, 3, 3, 3], Padding.Pad(row, 0, 0, 2, 2, PaddingMode.Edge).Data);
        Assert.Equal([9, 1, 2, 3, 9], Padding.Pad(row, 0, 0, 1, 1, PaddingMode.Constant, (byte)9).Data);
    }
}
