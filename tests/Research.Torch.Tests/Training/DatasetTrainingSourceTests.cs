using Research.Datasets.Manifests;
using Research.Tests.TestSupport;
using Research.Torch.Runtime;
using Research.Torch.Training;
using static TorchSharp.torch;

namespace Research.Torch.Tests.Training;

public sealed class DatasetTrainingSourceTests
{
    private static readonly DatasetManifest Dsb = ManifestRegistry.Load().Get("dsb2018");

    public DatasetTrainingSourceTests() => TorchRuntime.EnsureLoaded();

    [Fact]
    public void Kaggle_dsb_samples_become_grey_or_rgb_input_with_their_instance_labels()
    {
        using var temp = new TempFolder();
        var generated = MiniDsb.Write(temp.Path, count: 3, size: 96);
        var grey = new DatasetTrainingSource(Dsb, temp.Path, InputColour.Grey, new InputNormalization(), 1 << 20);
        Assert.Equal((3, 1, "dsb2018"), (grey.Count, grey.Channels, grey.DatasetId));
        var sample = grey.Get(1);
        Assert.Equal(("img01", 96, 96, 96 * 96), (sample.SourceId, sample.Width, sample.Height, sample.Image.Length));
        // The masks were written from the generator's labels in label order, so the combined labels are the same.
        Assert.Equal(generated[1].Labels.Data.Select(v => (int)v), sample.Labels);
        // Percentile normalisation (0.5 .. 99.5) maps the image into [0, 1] and reaches both ends.
        Assert.Equal(0f, sample.Image.Min());
        Assert.Equal(1f, sample.Image.Max());
        var rgb = new DatasetTrainingSource(Dsb, temp.Path, InputColour.Rgb, new InputNormalization(), 1 << 20);
        var colour = rgb.Get(1);
        Assert.Equal(3 * 96 * 96, colour.Image.Length);
        Assert.Equal(sample.Image, colour.Image.Take(96 * 96)); // R = G = B = the grey image; alpha dropped
        Assert.StartsWith("sha256:", grey.Checksum, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cache_stays_within_its_byte_budget()
    {
        using var temp = new TempFolder();
        MiniDsb.Write(temp.Path, count: 4, size: 96);
        long one = 4L * (96 * 96 + 96 * 96); // floats + label ints of one 96x96 grey sample
        var source = new DatasetTrainingSource(Dsb, temp.Path, InputColour.Grey, new InputNormalization(), 2 * one);
        for (int i = 0; i < 4; i++) source.Get(i);
        Assert.Equal((2, 2 * one), (source.Cache.Count, source.Cache.Bytes));
        Assert.Same(source.Get(3), source.Get(3)); // the most recent is cached
    }

    [Fact]
    public void A_split_without_masks_is_a_clear_error()
    {
        using var temp = new TempFolder();
        MiniDsb.Write(temp.Path, count: 2, size: 96, masks: false);
        var e = Assert.Throws<InputException>(() => new DatasetTrainingSource(Dsb, temp.Path, InputColour.Grey, new InputNormalization(), 0));
        Assert.Contains("none of its 2 image(s) has masks", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fold113_expands_only_the_training_images_and_random_augmentation_is_seeded()
    {
        using var temp = new TempFolder();
        MiniDsb.Write(temp.Path, count: 4, size: 96);
        var options = new TrainingOptions
        {
            Dataset = "dsb2018", DatasetRoot = temp.Path, BaseFilters = 2, CropSize = 32, BatchSize = 4, Seed = 7,
            Device = DevicePreference.Cpu, Augment = AugmentKind.Fold113, ValidationFraction = 0.25,
        };
        var source = TrainingRun.SourceFor(options);
        using (var folds = new Trainer(options, source, CPU))
        {
            Assert.Equal((3, 1), (folds.Split.Train.Count, folds.Split.Validation.Count));
            Assert.Equal(3 * 113, folds.ItemsPerEpoch);
        }
        var random = options with { Augment = AugmentKind.Random };
        using var a = new Trainer(random, source, CPU);
        using var b = new Trainer(random, source, CPU);
        var batchA = (HostBatch)a.BuildBatch(a.EpochOrder(2), 0, 2);
        Assert.Equal(batchA.Images, ((HostBatch)b.BuildBatch(b.EpochOrder(2), 0, 2)).Images);
        Assert.Equal(batchA.Mask, ((HostBatch)b.BuildBatch(b.EpochOrder(2), 0, 2)).Mask);
        Assert.NotEqual(batchA.Images, ((HostBatch)a.BuildBatch(a.EpochOrder(3), 0, 3)).Images);
    }
}
