using Research.Imaging;
using Research.Plots;

namespace Research.Tests.Plots;

public sealed class IntensityHistogramTests
{
    [Fact]
    public void Bytes_are_counted_on_the_full_8_bit_range()
    {
        // Samples 0, 127, 128, 255 in 2 bins of [0, 1]: 0/255 = 0 and 127/255 = 0.498 fall in bin 0;
        // 128/255 = 0.502 and 255/255 = 1 (last bin includes 1) in bin 1 -> fractions 0.5, 0.5.
        var image = new Image<byte>(4, 1, 1, [0, 127, 128, 255]);
        Assert.Equal([0.5, 0.5], IntensityHistogram.Fractions(image, 2));
    }

    [Fact]
    public void Floats_are_scaled_by_their_own_range()
    {
        // -1, 0, 3: min-max scaled to 0, 0.25, 1 -> with 4 bins: bin 0, bin 1, bin 3.
        var image = new Image<float>(3, 1, 1, [-1f, 0f, 3f]);
        Assert.Equal([1 / 3.0, 1 / 3.0, 0, 1 / 3.0], IntensityHistogram.Fractions(image, 4));
    }

    [Fact]
    public void The_figure_has_one_trace_per_image()
    {
        var a = new Image<byte>(2, 2, 1, [0, 50, 100, 200]);
        var b = new Image<ushort>(2, 2, 1, [0, 5000, 10000, 65535]);
        var figure = IntensityHistogram.Of([("a", a), ("b", b)], 8);
        Assert.Equal(2, figure.Json["data"]!.AsArray().Count);
    }

    [Fact]
    public void The_figure_plots_fractions_at_bin_centres()
    {
        // 0, 50, 100, 200 / 255 = 0, 0.196, 0.392, 0.784 in 4 bins of width 0.25: bins 0, 0, 1, 3.
        var a = new Image<byte>(2, 2, 1, [0, 50, 100, 200]);
        var figure = IntensityHistogram.Of([("a", a)], 4);
        Assert.Equal("""{"type":"scatter","name":"a","mode":"lines","x":[0.125,0.375,0.625,0.875],"y":[0.5,0.25,0,0.25]}""",
            JsonText.Of(figure.Json["data"]![0]!));
        Assert.Equal("fraction of samples", (string?)figure.Json["layout"]!["yaxis"]!["title"]!["text"]);
    }

    [Fact]
    public void Zero_bins_are_refused()
    {
        var e = Assert.Throws<InputException>(() => IntensityHistogram.Fractions(new Image<byte>(1, 1), 0));
        Assert.Contains("at least 1", e.Message);
    }
}
