using Research.Datasets.Layouts;
using Research.Datasets.Manifests;

namespace Research.Tests.Datasets.Layouts;

public sealed class KaggleDsbReaderTests
{
    private static readonly DatasetManifest Manifest = MiniData.Manifest(new LayoutSpec { Kind = LayoutKind.KaggleDsb }, MiniData.Binary());

    /// <summary>Image "a" (8x6) with masks m1 = [1,3)x[1,3) (4 px) and m2 = [4,7)x[2,5) (9 px); image "b" with one mask.</summary>
    internal static void WriteTwoImages(MiniData data, string prefix = "")
    {
        data.Grey(prefix + "a/images/a.png", 8, 6, (x, y) => (byte)(10 * x + y));
        data.Rect(prefix + "a/masks/m1.png", 8, 6, 1, 1, 3, 3);
        data.Rect(prefix + "a/masks/m2.png", 8, 6, 4, 2, 7, 5);
        data.Grey(prefix + "b/images/b.png", 5, 5, (x, y) => 7);
        data.Rect(prefix + "b/masks/only.png", 5, 5, 0, 0, 2, 2);
    }

    [Fact]
    public void Masks_combine_into_instance_labels_in_file_name_order()
    {
        using var data = new MiniData();
        WriteTwoImages(data);
        LayoutScan scan = new LayoutReaders().Scan(Manifest, data.Root);
        Assert.Empty(scan.Problems);
        Assert.Equal(["a", "b"], scan.Samples.Select(s => s.Id));
        DatasetSample a = scan.Samples[0];
        Assert.Equal(TruthKind.ObjectMasks, a.Truth);
        Assert.Equal(2, a.MaskPaths.Count);
        var labels = a.Instances!;
        Assert.Equal((8, 6), (labels.Width, labels.Height));
        Assert.Equal(4, labels.Data.Count(v => v == 1));
        Assert.Equal(9, labels.Data.Count(v => v == 2));
        Assert.Equal(1, labels[1, 1]);
        Assert.Equal(2, labels[6, 4]);
        Assert.Equal(0, labels[3, 3]);
        Assert.Equal(8, a.Image.Width);
    }

    [Fact]
    public void Overlapping_masks_name_both_files_and_the_shared_pixels()
    {
        using var data = new MiniData();
        data.Grey("a/images/a.png", 8, 6, (x, y) => 0);
        data.Rect("a/masks/m1.png", 8, 6, 0, 0, 4, 4);
        data.Rect("a/masks/m2.png", 8, 6, 2, 2, 6, 6);
        DatasetSample a = new LayoutReaders().Scan(Manifest, data.Root).Samples[0];
        var e = Assert.Throws<InputException>(() => a.Instances);
        // [0,4)x[0,4) and [2,6)x[2,6) share [2,4)x[2,4): 2 x 2 = 4 pixels.
        Assert.Contains("m2.png: overlaps", e.Message, StringComparison.Ordinal);
        Assert.Contains("m1.png in 4 pixel(s)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_without_image_or_masks_is_a_problem_not_an_exception()
    {
        using var data = new MiniData();
        WriteTwoImages(data);
        Directory.CreateDirectory(data.PathOf("c/images"));
        data.Grey("d/images/d.png", 4, 4, (x, y) => 1);
        LayoutScan scan = new LayoutReaders().Scan(Manifest, data.Root);
        Assert.Contains(scan.Problems, p => p.Kind == Research.Datasets.Validation.ProblemKind.MissingImage && p.Message.Contains("folder c", StringComparison.Ordinal));
        Assert.Contains(scan.Problems, p => p.Kind == Research.Datasets.Validation.ProblemKind.MissingMasks && p.Message.Contains("image d has no masks folder", StringComparison.Ordinal));
    }

    [Fact]
    public void Mask_extent_counts_pixels_and_bounds()
    {
        using var data = new MiniData();
        var mask = MaskReading.ReadGrey8(data.Rect("m.png", 10, 7, 2, 3, 9, 5));
        // [2,9) x [3,5): 7 x 2 = 14 pixels, box x 2..8, y 3..4.
        Assert.Equal(new MaskExtent(14, 2, 3, 8, 4), MaskExtent.Of(mask));
        Assert.Equal(default, MaskExtent.Of(new Research.Imaging.Image<byte>(3, 3)));
    }

    [Fact]
    public void An_unknown_layout_kind_lists_the_valid_ones()
    {
        var e = Assert.Throws<InputException>(() => new LayoutReaders().Get("kaggle"));
        Assert.Contains("kaggle-dsb, ctc, paired-folders, rle-csv, class-folders, synthetic", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LayoutKind.KaggleDsb)]
    [InlineData(LayoutKind.Ctc)]
    [InlineData(LayoutKind.PairedFolders)]
    [InlineData(LayoutKind.RleCsv)]
    [InlineData(LayoutKind.ClassFolders)]
    [InlineData(LayoutKind.Synthetic)]
    public void Every_layout_kind_has_its_reader(LayoutKind kind) => Assert.Equal(kind, new LayoutReaders().Get(kind).Kind);
}
