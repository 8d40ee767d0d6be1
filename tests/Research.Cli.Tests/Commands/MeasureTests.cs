using Research.Imaging;
using Research.Imaging.Codecs;

namespace Research.Cli.Tests.Commands;

public sealed class MeasureTests
{
    private const string Header =
        "image,label,area,bbox_min_row,bbox_min_col,bbox_max_row,bbox_max_col,centroid_row,centroid_col,perimeter,perimeter_crofton,eccentricity,orientation,major_axis_length,minor_axis_length,equivalent_diameter,solidity,convex_area,extent,euler_number,feret_diameter_max,filled_area,mean_intensity,min_intensity,max_intensity,circularity,touches_border";

    private static void WriteLabels(string path, int width, int height, params (int Index, ushort Label)[] pixels)
    {
        var image = new Image<ushort>(width, height);
        foreach (var (i, l) in pixels) image.Data[i] = l;
        ImageFile.Write(path, image);
    }

    private static (TempFolder Folder, string Labels, string Images) Folders()
    {
        var t = new TempFolder();
        string labels = t.Combine("labels"), images = t.Combine("images");
        Directory.CreateDirectory(labels);
        Directory.CreateDirectory(images);
        // a: a 2x2 square (label 5) and a lone pixel (label 9) at the corner; b: no object at all.
        WriteLabels(Path.Combine(labels, "a.png"), 5, 4, (6, 5), (7, 5), (11, 5), (12, 5), (19, 9));
        WriteLabels(Path.Combine(labels, "b.png"), 5, 4);
        var grey = new Image<byte>(5, 4);
        for (int i = 0; i < grey.Data.Length; i++) grey.Data[i] = (byte)(10 * i);
        ImageFile.Write(Path.Combine(images, "a.png"), grey);
        ImageFile.Write(Path.Combine(images, "b.png"), grey);
        return (t, labels, images);
    }

    [Fact]
    public void Writes_the_issue_header_hand_computed_rows_and_a_row_per_image()
    {
        var (t, labels, images) = Folders();
        using var _ = t;
        var (code, output, error) = CliRunner.Run("measure", "--labels", labels, "--images", images, "--out", t.Combine("out"));
        Assert.True(code == 0, error);
        Assert.Contains("2 images, 2 objects", output);
        string[] rows = File.ReadAllLines(t.Combine("out", "objects.csv"));
        Assert.Equal(Header, rows[0]);
        Assert.Equal(3, rows.Length);
        string[] square = rows[1].Split(',');
        // Square at rows 1-2, columns 1-2: area 4, box (1, 1, 3, 3), centroid (1.5, 1.5); all four pixels are border
        // pixels with two border 4-neighbours and one diagonal: code 1 + 4 + 10 = 15, weight 1, so perimeter 4;
        // intensities 10 x (6, 7, 11, 12): mean 90, min 60, max 120; circularity 4 pi 4 / 16 = pi.
        Assert.Equal(["a.png", "5", "4", "1", "1", "3", "3", "1.5", "1.5", "4"], square[..10]);
        Assert.Equal("90", square[22]);
        Assert.Equal(("60", "120"), (square[23], square[24]));
        Assert.Equal(Math.PI, double.Parse(square[25], System.Globalization.CultureInfo.InvariantCulture), 12);
        Assert.Equal("false", square[26]);
        string[] pixel = rows[2].Split(',');
        Assert.Equal(["a.png", "9", "1", "3", "4", "4", "5"], pixel[..7]);
        Assert.Equal(("0", "NaN", "true"), (pixel[9], pixel[25], pixel[26]));
        string[] perImage = File.ReadAllLines(t.Combine("out", "images.csv"));
        Assert.Equal(["image,width,height,objects,total_area,mean_area,coverage", "a.png,5,4,2,5,2.5,0.25", "b.png,5,4,0,0,,0"], perImage);
        Assert.True(File.Exists(t.Combine("out", "rois.jsonld")));
        Assert.Contains("Plotly", File.ReadAllText(t.Combine("out", "report.html")));
    }

    [Fact]
    public void Predictions_beside_the_truth_go_to_their_own_folders()
    {
        var (t, labels, images) = Folders();
        using var _ = t;
        string pred = t.Combine("pred");
        Directory.CreateDirectory(pred);
        WriteLabels(Path.Combine(pred, "a.png"), 5, 4, (0, 1));
        var (code, output, error) = CliRunner.Run("measure", "--labels", labels, "--images", images, "--pred", pred, "--out", t.Combine("out"));
        Assert.True(code == 0, error);
        Assert.Contains("pred: 1 images, 1 objects", output);
        Assert.Equal(2, File.ReadAllLines(t.Combine("out", "pred", "objects.csv")).Length);
        Assert.Equal(3, File.ReadAllLines(t.Combine("out", "truth", "objects.csv")).Length);
        Assert.True(File.Exists(t.Combine("out", "report.html")));
    }

    [Fact]
    public void Bad_input_is_one_line_naming_the_files()
    {
        var (t, labels, images) = Folders();
        using var folder = t;
        ImageFile.Write(Path.Combine(images, "b.png"), new Image<byte>(3, 3));
        var (code, ignored, error) = CliRunner.Run("measure", "--labels", labels, "--images", images, "--out", t.Combine("out"));
        Assert.Equal(2, code);
        Assert.Contains("b.png is 5x4 but its intensity image", error);
        Assert.DoesNotContain("   at ", error);

        File.Delete(Path.Combine(images, "b.png"));
        (code, ignored, error) = CliRunner.Run("measure", "--labels", labels, "--images", images, "--out", t.Combine("out"));
        Assert.Equal(2, code);
        Assert.Contains("no intensity image with the stem 'b'", error);

        ImageFile.Write(Path.Combine(labels, "c.tif"), new Image<float>(2, 2));
        (code, ignored, error) = CliRunner.Run("measure", "--labels", labels, "--out", t.Combine("out"));
        Assert.Equal(2, code);
        Assert.Contains("c.tif", error);
        Assert.Contains("labels must be integers", error);
        Assert.False(Directory.Exists(t.Combine("out")));

        (code, ignored, error) = CliRunner.Run("measure", "--out", t.Combine("out"));
        Assert.Equal(2, code);
        Assert.Contains("exactly one of --labels", error);
    }

    [Fact]
    public void A_datasets_truth_and_predictions_beside_it_match_by_sample_id()
    {
        using var t = new TempFolder();
        string data = t.Combine("synth");
        var (code, _, error) = CliRunner.Run("datasets", "synth", "--out", data, "--count", "2", "--size", "64", "--seed", "3");
        Assert.True(code == 0, error);
        // The dataset's own label files as "predictions": both sets must measure the same objects.
        (code, var output, error) = CliRunner.Run("measure", "--dataset", "synthetic-nuclei", "--root", data, "--pred", Path.Combine(data, "labels"), "--out", t.Combine("out"));
        Assert.True(code == 0, error);
        string[] truth = File.ReadAllLines(t.Combine("out", "truth", "objects.csv")), pred = File.ReadAllLines(t.Combine("out", "pred", "objects.csv"));
        Assert.True(truth.Length > 2, output);
        Assert.Equal(truth.Length, pred.Length);
        Assert.StartsWith("synth-0000,", truth[1], StringComparison.Ordinal);
        Assert.StartsWith("synth-0000.tif,", pred[1], StringComparison.Ordinal);
        Assert.Equal(truth[1][truth[1].IndexOf(',', StringComparison.Ordinal)..], pred[1][pred[1].IndexOf(',', StringComparison.Ordinal)..]);
    }
}
