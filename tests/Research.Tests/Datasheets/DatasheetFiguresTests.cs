using System.Text.Json.Nodes;
using Research.Datasheets;
using Research.Tests.Plots;

namespace Research.Tests.Datasheets;

/// <summary>The datasheet figures on a hand-made composition of three images and three objects.</summary>
public sealed class DatasheetFiguresTests
{
    internal static Composition Small()
    {
        var totals = new CompositionAccumulator();
        totals.Grey(ImageGroup.GreyDark)[0] = 3;
        totals.Grey(ImageGroup.GreyDark)[255] = 1;
        return new Composition
        {
            Measured = true,
            Rows =
            [
                new ImageRow { Id = "a", Readable = true, Width = 4, Height = 2, Group = ImageGroup.GreyDark, HasTruth = true, Objects = 2, ForegroundFraction = 0.25 },
                new ImageRow { Id = "b", Readable = true, Width = 4, Height = 2, Group = ImageGroup.GreyDark, HasTruth = true, Objects = 1, ForegroundFraction = 0.5 },
                new ImageRow { Id = "c", Readable = true, Width = 8, Height = 8, Group = ImageGroup.Colour, HasTruth = false, Objects = 0, ForegroundFraction = double.NaN },
            ],
            Objects = [new ObjectShape(3, 0), new ObjectShape(5, 0.5), new ObjectShape(7, 0.9)],
            Totals = totals,
        };
    }

    private static double[] Numbers(JsonNode? array) => [.. array!.AsArray().Select(v => (double)v!)];

    [Fact]
    public void Histograms_carry_the_samples_of_annotated_images_and_objects()
    {
        var objects = DatasheetFigures.ObjectsPerImage(Small()).Json["data"]![0]!;
        Assert.Equal("""{"type":"histogram","name":"images","x":[2,1],"nbinsx":50}""", JsonText.Of(objects));
        var area = DatasheetFigures.ObjectArea(Small()).Json["data"]![0]!;
        Assert.Equal("""{"type":"histogram","name":"objects","x":[3,5,7],"nbinsx":80}""", JsonText.Of(area));
        var foreground = DatasheetFigures.ForegroundFraction(Small()).Json["data"]![0]!;
        Assert.Equal("""{"type":"histogram","name":"images","x":[0.25,0.5],"nbinsx":50}""", JsonText.Of(foreground));
    }

    [Fact]
    public void Sizes_are_one_marker_per_distinct_size_and_one_trace_per_group()
    {
        var traces = DatasheetFigures.Sizes(Small()).Json["data"]!.AsArray();
        Assert.Equal(["grey, dark background (fluorescence)", "colour (stained tissue, histology)"], traces.Select(t => (string?)t!["name"]));
        Assert.Equal("markers", (string?)traces[0]!["mode"]);
        Assert.Equal([4.0], Numbers(traces[0]!["x"]));
        Assert.Equal([2.0], Numbers(traces[0]!["y"]));
        Assert.Equal("4x2: 2 image(s)", (string?)traces[0]!["text"]![0]);
        Assert.Equal("8x8: 1 image(s)", (string?)traces[1]!["text"]![0]);
    }

    [Fact]
    public void Grey_values_are_fractions_of_the_group_pixels_over_256_bins()
    {
        var trace = DatasheetFigures.IntensityByGroup(Small()).Json["data"]!.AsArray().Single()!;
        double[] x = Numbers(trace["x"]), y = Numbers(trace["y"]);
        Assert.Equal(256, x.Length);
        Assert.Equal(255.0, x[255]);
        Assert.Equal(0.75, y[0]);
        Assert.Equal(0.25, y[255]);
        Assert.Equal(1.0, y.Sum());
    }

    [Fact]
    public void An_unmeasured_composition_gives_empty_figures_not_errors()
    {
        Assert.Equal(5, DatasheetFigures.All(Composition.NotMeasured).Count);
        Assert.Equal("""{"type":"scatter","mode":"markers","x":[],"y":[]}""", JsonText.Of(DatasheetFigures.Sizes(Composition.NotMeasured).Json["data"]![0]!));
    }
}
