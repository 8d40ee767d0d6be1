using Research.Datasets.Layouts;
using Research.Datasets.Manifests;
using Research.Datasets.Validation;

namespace Research.Tests.Bh2019;

/// <summary>
/// The bh2019-kidney-em-nucleus manifest against the real copy in ../shared/data/bh2019, and the bad inputs
/// built in a temporary folder from real files (1-bit masks, a mask of another size, images without masks, a missing
/// split folder).
/// </summary>
public sealed class Bh2019ManifestTests
{
    private const string Id = "bh2019-kidney-em-nucleus";

    private static DatasetManifest Manifest() => ManifestRegistry.Load(TestSupport.Repository.PathOf("data-manifests")).Get(Id);

    [Theory]
    [InlineData("train", 65, 65, 16)]
    [InlineData("test", 7, 7, 0)]
    [InlineData("blank", 16, 0, 16)]
    public void Each_split_of_the_real_copy_validates_with_its_counts(string split, int images, int annotated, int negatives)
    {
        string root = TestSupport.Repository.SharedData(Path.Combine("bh2019", split));
        var report = DatasetValidator.Validate(Manifest(), root, new LayoutReaders());
        Assert.True(report.Valid, string.Join("\n", report.Problems.Take(10)));
        Assert.Equal((split, images, annotated, negatives), (report.Split, report.Images, report.AnnotatedImages, report.NegativeImages));
    }

    [Fact]
    public void Only_the_licence_is_left_unverified()
    {
        var manifest = Manifest();
        Assert.Equal([ManifestField.Licence], manifest.Unverified);
        Assert.Equal(["train", "test", "blank"], manifest.Splits.Select(s => s.Name));
        Assert.Equal(ImagingModality.ElectronMicroscopy, manifest.Modality);
    }

    [Fact]
    public void Bad_inputs_are_reported_naming_the_files()
    {
        string data = TestSupport.Repository.SharedData("bh2019");
        using var temp = new Research.Tests.Imaging.Codecs.TempFolder();
        string train = Path.Combine(temp.Path, "train");
        Directory.CreateDirectory(Path.Combine(train, "images"));
        Directory.CreateDirectory(Path.Combine(train, "masks"));
        // A real image with its real 1-bit mask (valid); a 1024x1008 image given a 1002x1002 mask under its name; an
        // image without a mask.
        void Copy(string from, string to) => File.Copy(Path.Combine(data, from), Path.Combine(train, to));
        Copy("test/images/NepKid_12-000.png", "images/a.png");
        Copy("test/masks/NepKid_12-000.png", "masks/a.png");
        Copy("test/images/NepKid_12-000.png", "images/b.png");
        Copy("test/masks/NepKid_14-000.png", "masks/b.png");
        Copy("test/images/NepKid_13-000.png", "images/c.png");
        var report = DatasetValidator.Validate(Manifest(), train, new LayoutReaders());
        Assert.Equal(3, report.Images);
        var size = Assert.Single(report.Problems, p => p.Kind == ProblemKind.SizeMismatch);
        Assert.Equal(Path.Combine(train, "masks", "b.png"), size.Path);
        Assert.Contains(Path.Combine(train, "images", "b.png"), size.Message);
        Assert.Contains("1002x1002", size.Message);
        var missing = Assert.Single(report.Problems, p => p.Kind == ProblemKind.MissingMasks);
        Assert.Equal(Path.Combine(train, "images", "c.png"), missing.Path);
        Assert.DoesNotContain(report.Problems, p => p.Path.EndsWith("a.png", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p.Kind == ProblemKind.CountMismatch && p.Message.Contains("expects 65 images, found 3", StringComparison.Ordinal));

        // Blank images without masks (and without a masks folder) are allowed and counted as negatives.
        string blank = Path.Combine(temp.Path, "blank");
        Directory.CreateDirectory(Path.Combine(blank, "images"));
        File.Copy(Path.Combine(data, "blank/images/WideEM_x1024-R0007.png"), Path.Combine(blank, "images", "x.png"));
        var blankReport = DatasetValidator.Validate(Manifest(), blank, new LayoutReaders());
        Assert.Equal((1, 0, 1), (blankReport.Images, blankReport.AnnotatedImages, blankReport.NegativeImages));
        Assert.Equal([ProblemKind.CountMismatch, ProblemKind.CountMismatch], blankReport.Problems.Select(p => p.Kind)); // 16 images and 16 negatives expected

        // A split folder that is not there.
        string absent = Path.Combine(temp.Path, "test");
        var error = Assert.ThrowsAny<InputException>(() => DatasetValidator.Validate(Manifest(), absent, new LayoutReaders()));
        Assert.Contains(absent, error.Message);
    }
}
