using Research.Datasets.Layouts;
using Research.Datasets.Manifests;
using Research.Datasets.Validation;
using Research.Tests.Datasets.Layouts;

namespace Research.Tests.Datasets.Validation;

public sealed class DatasetValidatorTests
{
    private static DatasetManifest Manifest(int? images, int? objects) => MiniData.Manifest(
        new LayoutSpec { Kind = LayoutKind.KaggleDsb }, MiniData.Binary(),
        new SplitSpec { Name = "train", Folder = "train", Images = images, Objects = objects });

    [Fact]
    public void A_clean_copy_is_valid_with_its_counts()
    {
        using var data = new MiniData();
        string root = data.PathOf("train");
        KaggleDsbReaderTests.WriteTwoImages(data, "train/");
        var report = DatasetValidator.Validate(Manifest(2, 3), root, new LayoutReaders());
        Assert.True(report.Valid, string.Join("\n", report.Problems));
        Assert.Equal(("train", 2, 3, 3, 0), (report.Split, report.Images, report.MaskFiles, report.Objects, report.NegativeImages));
    }

    [Fact]
    public void Every_problem_is_collected_not_just_the_first()
    {
        using var data = new MiniData();
        string root = data.PathOf("train");
        data.Grey("train/a/images/a.png", 8, 6, (x, y) => 1);
        data.Rect("train/a/masks/1.png", 8, 6, 0, 0, 4, 4);
        data.Rect("train/a/masks/2.png", 8, 6, 2, 2, 6, 6);          // overlaps 1.png in [2,4)x[2,4) = 4 px
        data.Rect("train/a/masks/3.png", 7, 6, 0, 0, 1, 1);          // wrong size
        data.Rect("train/a/masks/4.png", 8, 6, 7, 5, 8, 6, on: 7);   // value 7 not in {0, 255}
        data.Grey("train/a/masks/5.png", 8, 6, (x, y) => 0);         // empty
        data.Grey("train/b/images/b.png", 4, 4, (x, y) => 1);        // no masks folder
        data.Grey("train/c/images/c.png", 4, 4, (x, y) => 1);
        byte[] whole = File.ReadAllBytes(data.PathOf("train/c/images/c.png"));
        File.WriteAllBytes(data.PathOf("train/c/images/c.png"), whole[..(whole.Length / 2)]);  // truncated
        data.Rect("train/c/masks/1.png", 4, 4, 0, 0, 2, 2);
        var report = DatasetValidator.Validate(Manifest(2, 10), root, new LayoutReaders());
        Assert.False(report.Valid);
        var kinds = report.Problems.Select(p => p.Kind).ToHashSet();
        Assert.Equal([ProblemKind.MissingMasks, ProblemKind.Unreadable, ProblemKind.SizeMismatch, ProblemKind.UndeclaredValue, ProblemKind.Overlap, ProblemKind.EmptyMask, ProblemKind.CountMismatch], kinds.Order());
        Assert.Contains(report.Problems, p => p.Kind == ProblemKind.Overlap && p.Path.EndsWith("2.png", StringComparison.Ordinal) && p.Message == "overlaps 1.png in 4 pixel(s)");
        Assert.Contains(report.Problems, p => p.Kind == ProblemKind.SizeMismatch && p.Message.StartsWith("mask is 7x6 but its image ", StringComparison.Ordinal) && p.Message.EndsWith(" is 8x6", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p.Kind == ProblemKind.CountMismatch && p.Message.Contains("expects 2 images, found 3", StringComparison.Ordinal));
    }

    [Fact]
    public void Listed_checksums_are_verified()
    {
        using var data = new MiniData();
        KaggleDsbReaderTests.WriteTwoImages(data);
        string hash = Research.IO.FileHash.Sha256(data.PathOf("a/images/a.png"));
        var good = MiniData.Manifest(new LayoutSpec { Kind = LayoutKind.KaggleDsb }, MiniData.Binary()) with { Checksums = [new FileChecksum { Path = "a/images/a.png", Sha256 = hash }] };
        Assert.True(DatasetValidator.Validate(good, data.Root, new LayoutReaders()).Valid);
        var bad = good with { Checksums = [new FileChecksum { Path = "a/images/a.png", Sha256 = new string('0', 64) }, new FileChecksum { Path = "gone.zip", Sha256 = hash }] };
        var problems = DatasetValidator.Validate(bad, data.Root, new LayoutReaders()).Problems;
        Assert.Equal(2, problems.Count(p => p.Kind == ProblemKind.ChecksumMismatch));
    }

    [Fact]
    public void An_unknown_split_lists_the_splits()
    {
        using var data = new MiniData();
        var e = Assert.Throws<InputException>(() => DatasetValidator.Validate(Manifest(1, 1), data.Root, new LayoutReaders(), new ValidationOptions { Split = "test" }));
        Assert.Contains("no split 'test'. Its splits: train", e.Message, StringComparison.Ordinal);
    }
}
