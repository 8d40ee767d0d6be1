using Research.Augmentation.Random;
using Research.Processing.Labels;
using Research.Randomness;
using Research.Torch.Losses;

namespace Research.Torch.Training;

/// <summary>
/// Pure functions that turn samples into training batches: a random square crop (zero padding when the image is
/// smaller), optional augmentation, and the targets the loss needs. The randomness of a crop comes from
/// (seed, epoch, sample index) alone, so any epoch can be reproduced without replaying earlier ones.
/// </summary>
public static class BatchBuilder
{
    /// <summary>The generator for sample <paramref name="index"/> in epoch <paramref name="epoch"/>.</summary>
    public static SeededRandom CropRandom(ulong seed, int epoch, int index) =>
        SeededRandom.Derive(seed ^ ((ulong)(uint)epoch * 0x9E3779B97F4A7C15UL), 0xC0_0000UL + (ulong)(uint)index);

    /// <summary>The order of the training samples in epoch <paramref name="epoch"/>.</summary>
    public static int[] EpochOrder(IReadOnlyList<int> train, ulong seed, int epoch)
    {
        ArgumentNullException.ThrowIfNull(train);
        var order = train.ToArray();
        DataSplit.Shuffle(order, SeededRandom.Derive(seed, 0xE_0000UL + (ulong)(uint)epoch));
        return order;
    }

    /// <summary>Builds one batch from the given samples (in parallel over the crops; each has its own generator, so the result does not depend on timing).</summary>
    public static HostBatch Build(IReadOnlyList<(TrainingSample Sample, SeededRandom Random)> items, int size, LossKind loss,
        WeightMapOptions weightMap, RandomPipeline? augmentation)
    {
        ArgumentNullException.ThrowIfNull(items);
        int n = items.Count, channels = items[0].Sample.Channels, plane = size * size;
        var images = new float[n * channels * plane];
        var mask = new float[n * plane];
        long[]? classes = loss == LossKind.CrossEntropy ? new long[n * plane] : null;
        float[]? weights = loss == LossKind.WeightedBce ? new float[n * plane] : null;
        Parallel.For(0, n, b =>
        {
            var (sample, random) = items[b];
            var (image, labels) = Crop(sample, size, random);
            if (augmentation is not null) (image, labels) = TrainingAugmentation.Apply(augmentation, image, labels, channels, size, random);
            image.CopyTo(images, b * channels * plane);
            InstanceTargets.Foreground(labels).CopyTo(mask, b * plane);
            if (classes is not null)
            {
                var c = InstanceTargets.ThreeClass(labels, size, size);
                for (int i = 0; i < plane; i++) classes[b * plane + i] = c[i];
            }
            if (weights is not null) WeightMap.Compute(labels, size, size, weightMap).CopyTo(weights, b * plane);
        });
        return new HostBatch(n, channels, size, size, images, mask, classes, weights);
    }

    /// <summary>A random <paramref name="size"/>-pixel square crop (top-left zero padding where the image is smaller).</summary>
    public static (float[] Image, int[] Labels) Crop(TrainingSample sample, int size, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(random);
        int x0 = sample.Width > size ? random.NextInt(0, sample.Width - size + 1) : 0;
        int y0 = sample.Height > size ? random.NextInt(0, sample.Height - size + 1) : 0;
        int w = Math.Min(size, sample.Width), h = Math.Min(size, sample.Height), plane = size * size, srcPlane = sample.Width * sample.Height;
        var image = new float[sample.Channels * plane];
        var labels = new int[plane];
        for (int y = 0; y < h; y++)
        {
            int src = (y0 + y) * sample.Width + x0;
            for (int c = 0; c < sample.Channels; c++) Array.Copy(sample.Image, c * srcPlane + src, image, c * plane + y * size, w);
            Array.Copy(sample.Labels, src, labels, y * size, w);
        }
        return (image, labels);
    }
}
