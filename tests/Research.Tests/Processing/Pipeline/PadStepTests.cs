using Research.Imaging;
using Research.Processing;
using Research.Processing.Pipeline;

namespace Research.Tests.Processing.Pipeline;

/// <summary><see cref="PadStep"/>: bottom/right padding to a multiple or a minimum size; expected values from NumPy's np.pad.</summary>
public sealed class PadStepTests
{
    private static Image<byte> Small() => new(3, 2, 1, [1, 2, 3, 4, 5, 6]);

    [Theory]
    // np.pad([[1,2,3],[4,5,6]], ((0,2),(0,1)), mode=...) with 'constant', 'reflect' and 'edge'.
    [InlineData(PaddingMode.Constant, new byte[] { 1, 2, 3, 0, 4, 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0 })]
    [InlineData(PaddingMode.Reflect, new byte[] { 1, 2, 3, 2, 4, 5, 6, 5, 1, 2, 3, 2, 4, 5, 6, 5 })]
    [InlineData(PaddingMode.Edge, new byte[] { 1, 2, 3, 3, 4, 5, 6, 6, 4, 5, 6, 6, 4, 5, 6, 6 })]
    public void Pads_bottom_and_right_to_a_multiple(PaddingMode mode, byte[] expected)
    {
        var padded = (Image<byte>)new PadStep { Multiple = 4, Mode = mode }.Apply(Small());
        Assert.Equal((4, 4), (padded.Width, padded.Height));
        Assert.Equal(expected, padded.Data);
    }

    [Fact]
    public void A_minimum_size_pads_only_the_sides_that_are_short_and_a_multiple_already_met_changes_nothing()
    {
        var wide = new PadStep { Width = 5, Height = 1, Mode = PaddingMode.Constant }.Apply(Small());
        Assert.Equal((5, 2), (wide.Width, wide.Height));
        var same = (Image<byte>)new PadStep { Multiple = 1 }.Apply(Small());
        Assert.Equal(Small().Data, same.Data);
    }

    [Fact]
    public void The_mask_gets_the_same_geometry()
    {
        var mask = new Image<ushort>(3, 2, 1, [0, 7, 7, 0, 0, 9]);
        var padded = (Image<ushort>)new PadStep { Multiple = 4, Mode = PaddingMode.Constant }.ApplyToMask(mask);
        Assert.Equal(new ushort[] { 0, 7, 7, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, padded.Data);
    }

    [Theory]
    [InlineData(0, 0, 0, "pad: give multiple (e.g. 16), or width and height.")]
    [InlineData(-16, 0, 0, "pad: multiple, width and height must be 0 or more, got -16, 0, 0.")]
    public void Bad_settings_are_refused(int multiple, int width, int height, string message)
    {
        var step = new PadStep { Multiple = multiple, Width = width, Height = height };
        Assert.Equal(message, Assert.Throws<InputException>(() => step.Apply(Small())).Message);
    }

    [Fact]
    public void A_pipeline_with_padding_round_trips_through_json()
    {
        var pipeline = new PreprocessPipeline([new GreyStep(), new PadStep { Multiple = 16, Mode = PaddingMode.Edge }]);
        var again = PreprocessPipeline.FromJson(pipeline.ToJson());
        Assert.Equal(pipeline.Steps, again.Steps);
        Assert.Contains("\"mode\": \"edge\"", pipeline.ToJson(), StringComparison.Ordinal);
    }
}
