using Research.Datasets.Layouts;
using Research.Datasets.Manifests;
using Research.Datasets.Validation;

namespace Research.Tests.Datasets.Validation;

/// <summary>The real-data facts, on ../shared/data (read in place).</summary>
public sealed class RealDataTests
{
    [Fact]
    public void Dsb2018_stage1_train_validates_with_670_images_and_29461_masks()
    {
        string root = TestSupport.Repository.SharedData("dsb2018/stage1_train");
        DatasetManifest manifest = ManifestRegistry.Load(TestSupport.Repository.PathOf("data-manifests")).Get("dsb2018");
        ValidationReport report = DatasetValidator.Validate(manifest, root, new LayoutReaders());
        Assert.True(report.Valid, string.Join("\n", report.Problems.Take(20)));
        Assert.Equal(("stage1_train", 670, 670, 29461, 29461), (report.Split, report.Images, report.AnnotatedImages, report.MaskFiles, report.Objects));
    }

    [Fact]
    public void Stardist_mask2d_reads_as_125_objects_through_the_label_reader()
    {
        var labels = MaskReading.ReadLabels(TestSupport.Repository.SharedData("stardist-sample/mask2d.tif"));
        var distinct = MaskReading.DistinctLabels(labels);
        Assert.Equal((512, 512), (labels.Width, labels.Height));
        Assert.Equal(125, distinct.Count);
        Assert.Equal(183, distinct[^1]);
    }
}
