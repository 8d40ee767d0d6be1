using Research.Datasets.Layouts;
using Research.Datasets.Locations;
using Research.Datasets.Manifests;
using Research.Datasets.Validation;

namespace Research.Tests.Datasets.Validation;

/// <summary>
/// Every manifest with a real copy in ../shared/data validates with --root at the dataset's root (read in place); the
/// two partial copies (the 4-image Fluorescent Neuronal Cells sample, SIM+ without sequence 02) report only their count.
/// </summary>
public sealed class RealCopiesTests
{
    private static readonly ManifestRegistry Manifests = ManifestRegistry.Load(TestSupport.Repository.PathOf("data-manifests"));

    public static TheoryData<string, string, string?, string, int> Copies() => new()
    {
        // id, dataset root under ../shared/data, --split, the split checked, images found
        { "dsb2018", "dsb2018", "stage1_test", "stage1_test", 65 },
        { "ctc-fluo-n2dh-gowt1", "ctc", null, "training", 184 },
        { "chase-db1", "chase-db1", null, "all", 28 },
        { "bh2019-kidney-em-nucleus", "bh2019", "train", "train", 65 },
        { "bh2019-kidney-em-nucleus", "bh2019", "test", "test", 7 },
    };

    [Theory]
    [MemberData(nameof(Copies))]
    public void A_real_copy_validates_at_its_dataset_root(string id, string root, string? split, string checkedSplit, int images)
    {
        DatasetValidation v = DatasetValidator.ValidateDataset(Manifests.Get(id), TestSupport.Repository.SharedData(root), new LayoutReaders(), new ValidationOptions { Split = split });
        Assert.True(v.Valid, string.Join("\n", v.Problems.Concat(v.Splits.SelectMany(s => s.Problems)).Take(10)));
        ValidationReport report = Assert.Single(v.Splits);
        Assert.Equal((checkedSplit, images), (report.Split, report.Images));
    }

    [Fact]
    public void Gowt1_has_50_gold_frames_with_265_objects_as_its_manifest_now_says()
    {
        var report = DatasetValidator.ValidateDataset(Manifests.Get("ctc-fluo-n2dh-gowt1"), TestSupport.Repository.SharedData("ctc"), new LayoutReaders()).Splits.Single();
        Assert.Equal((184, 50, 265), (report.Images, report.AnnotatedImages, report.Objects));
    }

    [Theory]
    [InlineData("fluorescent-neuronal-cells", "fnc-sample", "the manifest expects 283 images, found 4")]
    [InlineData("ctc-fluo-n2dh-sim-plus", "ctc", "the manifest expects 215 images, found 65")]
    public void A_partial_copy_reports_only_its_count(string id, string root, string message)
    {
        DatasetValidation v = DatasetValidator.ValidateDataset(Manifests.Get(id), TestSupport.Repository.SharedData(root), new LayoutReaders());
        DatasetProblem problem = Assert.Single(Assert.Single(v.Splits).Problems);
        Assert.Equal(ProblemKind.CountMismatch, problem.Kind);
        Assert.EndsWith(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_splits_own_folder_is_accepted_with_a_note()
    {
        string folder = TestSupport.Repository.SharedData("ctc/Fluo-N2DH-GOWT1");
        SplitLocation location = Assert.Single(SplitLocator.Find(Manifests.Get("ctc-fluo-n2dh-gowt1"), folder, null));
        Assert.Equal(("training", folder), (location.Split.Name, location.Folder));
        Assert.Contains("is the folder of split training itself", location.Note, StringComparison.Ordinal);
        Assert.Contains(TestSupport.Repository.SharedData("ctc"), location.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_found_above_the_dataset_root_is_a_problem_naming_the_folders_below()
    {
        string shared = TestSupport.Repository.SharedData(".");
        DatasetValidation v = DatasetValidator.ValidateDataset(Manifests.Get("ctc-fluo-n2dh-gowt1"), shared, new LayoutReaders());
        Assert.False(v.Valid);
        DatasetProblem problem = Assert.Single(v.Problems);
        Assert.Equal(ProblemKind.NothingFound, problem.Kind);
        Assert.Contains("looked for Fluo-N2DH-GOWT1/, Fluo-N2DH-GOWT1-challenge/", problem.Message, StringComparison.Ordinal);
        Assert.Contains($"{Path.Combine(Path.GetFullPath(shared), "ctc")} (one level below: a dataset root holding Fluo-N2DH-GOWT1)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_image_one_level_too_deep_is_a_problem_naming_the_folder_above()
    {
        string deep = TestSupport.Repository.SharedData("fnc-sample/all_images");
        DatasetValidation v = DatasetValidator.ValidateDataset(Manifests.Get("fluorescent-neuronal-cells"), deep, new LayoutReaders());
        DatasetProblem problem = Assert.Single(Assert.Single(v.Splits).Problems, p => p.Kind == ProblemKind.NothingFound);
        Assert.Contains("looked for images (.png .tif .tiff .jpg .jpeg .bmp .gif) in all_images/images/ with masks in all_masks/masks/", problem.Message, StringComparison.Ordinal);
        Assert.Contains($"{TestSupport.Repository.SharedData("fnc-sample")} (one level above: 4 images of the layout)", problem.Message, StringComparison.Ordinal);
    }
}
