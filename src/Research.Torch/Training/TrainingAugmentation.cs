using Research.Augmentation;
using Research.Augmentation.Random;
using Research.Imaging;
using Research.Randomness;

namespace Research.Torch.Training;

/// <summary>
/// The augmentation library (<c>Research.Augmentation</c>) applied to training data. <c>--augment random</c> runs
/// <see cref="DefaultPipeline"/> on every crop with the crop's own generator (seeded from (seed, epoch, item)), so a run
/// is reproducible and resumable; <c>--augment fold113</c> expands the training images (after the split by source) into
/// (image, fold) items with <see cref="AugmentedView{T}"/> and applies each item's fold to the whole image before cropping.
/// </summary>
public static class TrainingAugmentation
{
    /// <summary>
    /// The pipeline of <c>--augment random</c>, in order: <c>d4</c> (a uniformly drawn rotation by a multiple of 90 degrees
    /// and optional mirror, always), <c>affine</c> (p 0.5: rotation within +-15 degrees, scale 0.9-1.1, shear within +-5 degrees,
    /// translation within 5 %; nearest-neighbour for labels), <c>brightness</c> (p 0.5, +-0.1), <c>contrast</c> (p 0.5, factor
    /// 0.8-1.2), <c>gamma</c> (p 0.5, 0.8-1.25).
    /// </summary>
    public static RandomPipeline DefaultPipeline() => new([
        new D4Transform(),
        new AffineTransform { Probability = 0.5 },
        new BrightnessTransform { Probability = 0.5 },
        new ContrastTransform { Probability = 0.5 },
        new GammaTransform { Probability = 0.5 },
    ]);

    /// <summary>Runs <paramref name="pipeline"/> on a square CHW crop and its labels (the same geometry for both).</summary>
    public static (float[] Image, int[] Labels) Apply(RandomPipeline pipeline, float[] image, int[] labels, int channels, int size, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(image);
        var sample = new AugmentationSample(new Image<float>(size, size, channels, ToHwc(image, channels, size * size)), Labels: new Image<int>(size, size, 1, labels));
        var result = pipeline.Apply(sample, random).Sample;
        var outLabels = (Image<int>)result.Labels!;
        return (ToChw(result.Image.Data, channels, size * size), outLabels.Data);
    }

    /// <summary>Sample <paramref name="sample"/> under <paramref name="fold"/> (rotation, mirror, circular shift of image and labels).</summary>
    public static TrainingSample ApplyFold(TrainingSample sample, Fold fold)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (fold.Index == 0 && fold.QuarterTurns == 0 && !fold.Flip && fold.Axis == ShiftAxis.None) return sample;
        int plane = sample.Width * sample.Height;
        var image = new Image<float>(sample.Width, sample.Height, sample.Channels, ToHwc(sample.Image, sample.Channels, plane));
        var folded = FoldGeometry.Apply(image, fold);
        var labels = FoldGeometry.Apply(new Image<int>(sample.Width, sample.Height, 1, sample.Labels), fold);
        return sample with
        {
            Id = $"{sample.Id}#fold{fold.Index}",
            Image = ToChw(folded.Data, sample.Channels, plane),
            Width = folded.Width,
            Height = folded.Height,
            Labels = labels.Data,
        };
    }

    private static float[] ToHwc(float[] chw, int channels, int plane)
    {
        if (channels == 1) return chw;
        var hwc = new float[chw.Length];
        for (int c = 0; c < channels; c++) for (int i = 0; i < plane; i++) hwc[i * channels + c] = chw[c * plane + i];
        return hwc;
    }

    private static float[] ToChw(float[] hwc, int channels, int plane)
    {
        if (channels == 1) return hwc;
        var chw = new float[hwc.Length];
        for (int c = 0; c < channels; c++) for (int i = 0; i < plane; i++) chw[c * plane + i] = hwc[i * channels + c];
        return chw;
    }
}
