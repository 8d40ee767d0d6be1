using Research.Imaging;
using Research.Metrics;
using Research.Processing.Labels;

namespace Research.Tests.Metrics;

public sealed class InputTests
{
    [Fact]
    public void Float_labels_are_refused_naming_the_file()
    {
        var e = Assert.Throws<InputException>(() => LabelImage.From(new Image<float>(2, 2), "pred/a.tif"));
        Assert.StartsWith("pred/a.tif:", e.Message);
        Assert.Contains("not floating point", e.Message);
    }

    [Fact]
    public void Negative_labels_are_refused_naming_the_file_and_pixel()
    {
        var image = new Image<int>(3, 2, 1, [0, 0, 0, 0, -7, 0]);
        var e = Assert.Throws<InputException>(() => LabelImage.From(image, "truth/b.tif"));
        Assert.Contains("truth/b.tif", e.Message);
        Assert.Contains("(1, 1)", e.Message);
    }

    [Fact]
    public void Sixteen_bit_and_eight_bit_labels_are_read_as_they_are()
    {
        var image = new Image<ushort>(2, 1, 1, [0, 65535]);
        Assert.Equal([0, 65535], LabelImage.From(image, "x").Data);
        Assert.Equal([3, 0], LabelImage.From(new Image<byte>(2, 1, 1, [3, 0]), "y").Data);
    }

    [Fact]
    public void Different_sizes_name_both_files()
    {
        var truth = new LabelImage(2, 2, new int[4], "truth/c.png");
        var prediction = new LabelImage(3, 2, new int[6], "pred/c.png");
        var e = Assert.Throws<InputException>(() => ContingencyBuilder.Build("c", truth, prediction));
        Assert.Contains("truth/c.png", e.Message);
        Assert.Contains("pred/c.png", e.Message);
    }

    [Fact]
    public void Binary_masks_become_objects_only_when_asked()
    {
        // Two touching-diagonally blobs with the same value 255: one object as labels; two with 4-connectivity,
        // one with 8-connectivity.
        var mask = Grids.Parse("255 0 0", "0 255 255");
        var truth = Grids.Parse("1 0 0", "0 2 2");
        Assert.Equal(1, Grids.Table(truth, mask).Prediction.Count);
        var four = Grids.Measure(truth, mask, new EvaluationOptions { BinaryComponents = Connectivity.Four });
        Assert.Equal(2, four.PredictedObjects);
        Assert.Equal(1.0, four.Dsb2018);
        var eight = Grids.Measure(truth, mask, new EvaluationOptions { BinaryComponents = Connectivity.Eight });
        Assert.Equal(1, eight.PredictedObjects);
    }

    [Fact]
    public void Connected_components_number_in_raster_order()
    {
        // A U shape joins two columns that start as separate provisional labels.
        int[] mask =
        [
            1, 0, 1, 0, 1,
            1, 0, 1, 0, 0,
            1, 1, 1, 0, 1,
        ];
        Assert.Equal(
            [1, 0, 1, 0, 2,
             1, 0, 1, 0, 0,
             1, 1, 1, 0, 3], ConnectedComponents.Label(mask, 5, 3, Connectivity.Four));
    }
}
