using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Research.Augmentation;
using Research.Imaging;

namespace Research.Tests.Augmentation;

/// <summary>Invariants of the fold geometry on random images (FsCheck).</summary>
public sealed class FoldPropertyTests
{
    private static Image<ushort> Random(int seed, int width, int height, int channels = 1, int levels = 65536)
    {
        var rng = new Research.Randomness.SeededRandom((ulong)seed);
        var image = new Image<ushort>(width, height, channels);
        for (int i = 0; i < image.Data.Length; i++) image.Data[i] = (ushort)rng.NextInt(0, levels);
        return image;
    }

    private static Fold D4(int r, bool flip) => new(0, r, flip, ShiftAxis.None, 0);

    [Property(MaxTest = 60)]
    public Property Flip_twice_is_the_identity(PositiveInt w, PositiveInt h, int seed, byte channels)
    {
        var image = Random(seed, w.Get % 40 + 1, h.Get % 40 + 1, channels % 4 + 1);
        var twice = FoldGeometry.Apply(FoldGeometry.Apply(image, D4(0, true)), D4(0, true));
        return twice.Data.SequenceEqual(image.Data).ToProperty();
    }

    [Property(MaxTest = 60)]
    public Property Four_quarter_turns_are_the_identity(PositiveInt w, PositiveInt h, int seed, byte channels)
    {
        var image = Random(seed, w.Get % 40 + 1, h.Get % 40 + 1, channels % 4 + 1);
        var turned = image;
        for (int i = 0; i < 4; i++) turned = FoldGeometry.Apply(turned, D4(1, false));
        return (turned.Width == image.Width && turned.Data.SequenceEqual(image.Data)).ToProperty();
    }

    [Property(MaxTest = 20)]
    public Property The_113_folds_of_a_generic_non_square_image_are_pairwise_distinct(PositiveInt w, PositiveInt extra, int seed)
    {
        int width = w.Get % 30 + 8, height = width + extra.Get % 20 + 1;
        var stack = FoldExpansion.Expand(Random(seed, width, height), AugmentationScheme.Fold113);
        var distinct = new HashSet<string>(Enumerable.Range(0, 113).Select(i => Convert.ToBase64String(
            System.Runtime.InteropServices.MemoryMarshal.AsBytes<ushort>(stack.Samples(i)).ToArray())));
        return (distinct.Count == 113).ToProperty();
    }

    [Property(MaxTest = 60)]
    public Property Shifts_preserve_the_histogram(PositiveInt w, PositiveInt h, int seed, int shift, bool alongX)
    {
        var image = Random(seed, w.Get % 40 + 1, h.Get % 40 + 1, 1, levels: 17);
        var rolled = new ushort[image.Data.Length];
        FoldGeometry.Roll<ushort>(image.Data, rolled, image.Width, image.Height, 1, alongX ? ShiftAxis.X : ShiftAxis.Y, shift % 1000);
        return image.Data.Order().SequenceEqual(rolled.Order()).ToProperty();
    }

    [Property(MaxTest = 15)]
    public Property Every_fold_keeps_the_label_values_and_their_counts(PositiveInt w, PositiveInt h, int seed)
    {
        var labels = Random(seed, w.Get % 30 + 8, h.Get % 30 + 8, 1, levels: 9);
        var stack = FoldExpansion.Expand(labels, AugmentationScheme.Fold113);
        var expected = labels.Data.Order().ToArray();
        return Enumerable.Range(0, 113).All(i => stack.Samples(i).ToArray().Order().SequenceEqual(expected)).ToProperty();
    }

    [Property(MaxTest = 30)]
    public Property Fast_path_equals_the_per_fold_path_for_multichannel_bytes(PositiveInt w, PositiveInt h, int seed, byte channels)
    {
        var wide = Random(seed, w.Get % 20 + 8, h.Get % 20 + 8, channels % 4 + 1, levels: 256);
        var image = new Image<byte>(wide.Width, wide.Height, wide.Channels, Array.ConvertAll(wide.Data, v => (byte)v));
        var stack = FoldExpansion.Expand(image, AugmentationScheme.Fold113);
        return stack.Folds.All(f => stack.Samples(f.Index).SequenceEqual(FoldGeometry.Apply(image, f).Data)).ToProperty();
    }
}
