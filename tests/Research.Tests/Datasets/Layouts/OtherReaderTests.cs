using Research.Encodings;
using Research.Datasets.Layouts;
using Research.Datasets.Manifests;
using Research.Datasets.Synthetic;
using Research.Datasets.Validation;
using Research.Imaging;
using Research.Imaging.Codecs;

namespace Research.Tests.Datasets.Layouts;

public sealed class SyntheticReaderTests
{
    [Fact]
    public void Reads_what_the_synthetic_writer_writes()
    {
        using var data = new MiniData();
        var index = SyntheticDatasetWriter.Write(new SyntheticNucleiOptions { Count = 3, Size = 64, Seed = 5 }, data.Root);
        var manifest = MiniData.Manifest(new LayoutSpec { Kind = LayoutKind.Synthetic }, new MaskSpec { Encoding = MaskEncoding.InstanceLabels });
        LayoutScan scan = new LayoutReaders().Scan(manifest, data.Root);
        Assert.Empty(scan.Problems);
        Assert.Equal(index.Samples.Select(s => s.Id), scan.Samples.Select(s => s.Id));
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(index.Samples[i].Objects, MaskReading.DistinctLabels(scan.Samples[i].Instances!).Count);
            Assert.Equal(64, scan.Samples[i].Image.Width);
        }
        var report = DatasetValidator.Validate(manifest with { Splits = [new SplitSpec { Name = "all", Folder = ".", Images = 3, Objects = index.TotalObjects }] }, data.Root, new LayoutReaders());
        Assert.True(report.Valid, string.Join("\n", report.Problems));
        Assert.Equal(index.TotalObjects, report.Objects);
    }
}

public sealed class PairedFoldersReaderTests
{
    [Fact]
    public void Matches_by_stem_and_suffix_and_thresholds_jpeg_masks()
    {
        using var data = new MiniData();
        data.Grey("images/a.png", 16, 16, (x, y) => 50);
        data.Grey("images/b.png", 16, 16, (x, y) => 60);
        data.Rect("masks/a_mask.jpg", 16, 16, 0, 0, 8, 16);
        data.Rect("masks/b.png", 16, 16, 0, 0, 4, 4);
        data.Rect("masks/zzz_mask.png", 16, 16, 0, 0, 4, 4);
        var manifest = MiniData.Manifest(new LayoutSpec { Kind = LayoutKind.PairedFolders, MaskSuffixes = ["_mask", ""] }, MiniData.Binary(MaskEncoding.Binary));
        LayoutScan scan = new LayoutReaders().Scan(manifest, data.Root);
        Assert.Equal(["a", "b"], scan.Samples.Select(s => s.Id));
        Assert.EndsWith("a_mask.jpg", scan.Samples[0].MaskPaths[0], StringComparison.Ordinal);
        Image<byte> a = scan.Samples[0].Semantic!;
        // Left half foreground; JPEG ringing near the edge stays on the right side of the threshold 128.
        Assert.Equal(8 * 16, a.Data.Count(v => v == 1));
        Assert.All(a.Data, v => Assert.True(v <= 1));
        Assert.Equal(16, scan.Samples[1].Semantic!.Data.Count(v => v == 1));
        var orphan = Assert.Single(scan.Problems);
        Assert.Equal(ProblemKind.MissingImage, orphan.Kind);
        Assert.EndsWith("zzz_mask.png", orphan.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void One_folder_with_two_observers_reads_the_first_and_skips_the_second()
    {
        // CHASE_DB1's layout: Image_01L.jpg, Image_01L_1stHO.png and Image_01L_2ndHO.png side by side.
        using var data = new MiniData();
        foreach (string eye in new[] { "Image_01L", "Image_01R" })
        {
            data.Grey($"{eye}.png", 12, 8, (x, y) => 80);
            data.Rect($"{eye}_1stHO.png", 12, 8, 0, 0, 6, 8);
            data.Rect($"{eye}_2ndHO.png", 12, 8, 0, 0, 2, 2);
        }
        var layout = new LayoutSpec { Kind = LayoutKind.PairedFolders, Images = ".", Masks = ".", MaskSuffixes = ["_1stHO"] };
        var binary = MiniData.Binary(MaskEncoding.Binary);

        var without = new LayoutReaders().Scan(MiniData.Manifest(layout, binary), data.Root);
        Assert.Equal(["Image_01L", "Image_01L_2ndHO", "Image_01R", "Image_01R_2ndHO"], without.Samples.Select(s => s.Id));
        Assert.Equal(2, without.Problems.Count); // the second observer's maps taken for images without masks

        var scan = new LayoutReaders().Scan(MiniData.Manifest(layout with { IgnoreSuffixes = ["_2ndHO"] }, binary), data.Root);
        Assert.Equal(["Image_01L", "Image_01R"], scan.Samples.Select(s => s.Id));
        Assert.Empty(scan.Problems);
        Assert.EndsWith("Image_01L_1stHO.png", scan.Samples[0].MaskPaths[0], StringComparison.Ordinal);
        Assert.Equal(6 * 8, scan.Samples[0].Semantic!.Data.Count(v => v == 1));
    }

    [Fact]
    public void Class_intensity_masks_keep_values_and_undeclared_ones_are_reported()
    {
        using var data = new MiniData();
        data.Grey("fgt_seg/m1.png", 8, 4, (x, y) => 90);
        data.Grey("fgt_seg_labels/m1_LI.png", 8, 4, (x, y) => (byte)(64 * (x / 2 + 1) - (x >= 6 ? 1 : 0)));
        data.Grey("fgt_seg/m2.png", 8, 4, (x, y) => 90);
        data.Grey("fgt_seg_labels/m2_LI.png", 8, 4, (x, y) => x == 3 && y == 2 ? (byte)100 : (byte)64);
        var spec = new MaskSpec { Encoding = MaskEncoding.ClassIntensity, ClassMap = new Dictionary<int, string> { [64] = "bg", [128] = "adipose", [192] = "fgt", [255] = "muscle" } };
        var manifest = MiniData.Manifest(new LayoutSpec { Kind = LayoutKind.PairedFolders, Images = "fgt_seg", Masks = "fgt_seg_labels", MaskSuffixes = ["_LI"] }, spec);
        LayoutScan scan = new LayoutReaders().Scan(manifest, data.Root);
        // m1: x/2 in 0..3 gives 64, 128, 192, 256-1 = 255.
        Assert.Equal([64, 128, 192, 255], scan.Samples[0].Semantic!.Data.Distinct().Order().Select(v => (int)v));
        var report = DatasetValidator.Validate(manifest, data.Root, new LayoutReaders());
        var problem = Assert.Single(report.Problems);
        Assert.Equal(ProblemKind.UndeclaredValue, problem.Kind);
        Assert.Contains("value(s) 100", problem.Message, StringComparison.Ordinal);
        Assert.Contains("first at pixel (3, 2)", problem.Message, StringComparison.Ordinal);
    }
}

public sealed class CtcReaderTests
{
    /// <summary>Sequence 01 with three 16-bit frames: gold truth on t000, silver on t001, none on t002; tracks and markers.</summary>
    private static void WriteSequence(MiniData data)
    {
        for (int t = 0; t < 3; t++) data.Words($"01/t{t:000}.tif", 12, 10, (x, y) => (ushort)(1000 * t + x));
        data.Words("01_GT/SEG/man_seg000.tif", 12, 10, (x, y) => x < 3 ? (ushort)7 : x > 8 ? (ushort)300 : (ushort)0);
        data.Words("01_ST/SEG/man_seg001.tif", 12, 10, (x, y) => y < 2 ? (ushort)2 : (ushort)0);
        data.Words("01_GT/TRA/man_track000.tif", 12, 10, (x, y) => x == 1 && y == 1 ? (ushort)1 : (ushort)0);
        File.WriteAllText(data.PathOf("01_GT/TRA/man_track.txt"), "1 0 2 0\n2 1 2 1\n");
    }

    [Fact]
    public void Frames_take_gold_then_silver_then_no_truth()
    {
        using var data = new MiniData();
        WriteSequence(data);
        var manifest = MiniData.Manifest(new LayoutSpec { Kind = LayoutKind.Ctc }, new MaskSpec { Encoding = MaskEncoding.InstanceLabels });
        LayoutScan scan = new LayoutReaders().Scan(manifest, data.Root);
        Assert.Equal(["01/t000", "01/t001", "01/t002"], scan.Samples.Select(s => s.Id));
        Assert.Equal(["gold", "silver", "none"], scan.Samples.Select(s => s.Metadata["truth"]));
        Assert.Equal([7, 300], MaskReading.DistinctLabels(scan.Samples[0].Instances!));
        Assert.Equal([2], MaskReading.DistinctLabels(scan.Samples[1].Instances!));
        Assert.Null(scan.Samples[2].Instances);
        Assert.Equal(2011, ((Image<ushort>)scan.Samples[2].Image)[11, 0]);
        Assert.EndsWith("man_track000.tif", scan.Samples[0].Metadata["markers"], StringComparison.Ordinal);
        var tracks = CtcTrack.ReadAll(scan.Samples[0].Metadata["tracks"]);
        Assert.Equal([new CtcTrack(1, 0, 2, 0), new CtcTrack(2, 1, 2, 1)], tracks);
    }

    [Fact]
    public void Multi_page_label_stacks_read_page_by_page()
    {
        using var data = new MiniData();
        string path = data.PathOf("stack.tif");
        var pages = Enumerable.Range(0, 3).Select(z => (IImage)new Image<ushort>(4, 4, 1, [.. Enumerable.Repeat((ushort)(z + 1), 16)])).ToList();
        ImageFile.WritePages(path, pages);
        var read = MaskReading.ReadLabelPages(path);
        Assert.Equal([[1], [2], [3]], read.Select(p => MaskReading.DistinctLabels(p).ToArray()));
        Assert.Equal([1], MaskReading.DistinctLabels(MaskReading.ReadLabels(path)));
    }

    [Fact]
    public void A_bad_track_line_names_file_and_line()
    {
        using var data = new MiniData();
        string path = data.PathOf("man_track.txt");
        File.WriteAllText(path, "1 0 2 0\n2 5 3 1\n");
        var e = Assert.Throws<InputException>(() => CtcTrack.ReadAll(path));
        Assert.StartsWith($"{path}:2:", e.Message, StringComparison.Ordinal);
    }
}

public sealed class RleCsvAndClassFoldersReaderTests
{
    [Fact]
    public void Rle_rows_become_labels_in_row_order()
    {
        using var data = new MiniData();
        data.Grey("img1/images/img1.png", 4, 3, (x, y) => 9);
        data.Grey("img2/images/img2.png", 4, 3, (x, y) => 9);
        // img1 (4 wide, 3 high, column-major): "1 3" is column 0; "7 2" is pixels 7,8 = column 2, rows 0-1.
        File.WriteAllText(data.PathOf("solution.csv"), "ImageId,EncodedPixels,Height,Width\nimg1,1 3,3,4\nimg1,7 2,3,4\nimg2,,3,4\n");
        var manifest = MiniData.Manifest(new LayoutSpec { Kind = LayoutKind.RleCsv, Csv = "solution.csv" }, new MaskSpec { Encoding = MaskEncoding.Rle });
        LayoutScan scan = new LayoutReaders().Scan(manifest, data.Root);
        Assert.Equal(["img1", "img2"], scan.Samples.Select(s => s.Id));
        var labels = scan.Samples[0].Instances!;
        Assert.Equal([1, 1, 1], new[] { labels[0, 0], labels[0, 1], labels[0, 2] }.Select(v => (int)v));
        Assert.Equal([2, 2, 0], new[] { labels[2, 0], labels[2, 1], labels[2, 2] }.Select(v => (int)v));
        Assert.Empty(MaskReading.DistinctLabels(scan.Samples[1].Instances!));
    }

    [Fact]
    public void Class_folders_give_class_labels_from_the_class_map()
    {
        using var data = new MiniData();
        data.Grey("benign/x.png", 2, 2, (x, y) => 1);
        data.Grey("malignant/y.png", 2, 2, (x, y) => 2);
        data.Grey("malignant/z.png", 2, 2, (x, y) => 3);
        data.Grey("other/w.png", 2, 2, (x, y) => 3);
        var spec = new MaskSpec { Encoding = MaskEncoding.None, ClassMap = new Dictionary<int, string> { [0] = "benign", [1] = "malignant" } };
        var manifest = MiniData.Manifest(new LayoutSpec { Kind = LayoutKind.ClassFolders }, spec);
        LayoutScan scan = new LayoutReaders().Scan(manifest, data.Root);
        Assert.Equal(["benign/x", "malignant/y", "malignant/z"], scan.Samples.Select(s => s.Id));
        Assert.Equal([0, 1, 1], scan.Samples.Select(s => s.ClassLabel!.Value));
        Assert.Contains("'other' is not in the class map", Assert.Single(scan.Problems).Message, StringComparison.Ordinal);
    }
}
