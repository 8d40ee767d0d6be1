using Research.Augmentation;
using Research.Randomness;
using Research.Torch.Training;

namespace Research.Torch.Tests.Training;

public sealed class TrainingAugmentationTests
{
    [Fact]
    public void A_fold_moves_image_channels_and_labels_together()
    {
        // 2 x 3 image (W=3, H=2) with 2 channels; label = pixel index + 1, channel c = 10c + index.
        float[] chw = [0, 1, 2, 3, 4, 5, 10, 11, 12, 13, 14, 15];
        int[] labels = [1, 2, 3, 4, 5, 6];
        var sample = new TrainingSample("s", "s", chw, 2, 2, 3, labels);
        var quarterTurn = FoldSchemes.Folds(AugmentationScheme.D4)[2]; // one counter-clockwise quarter turn, no flip
        var folded = TrainingAugmentation.ApplyFold(sample, quarterTurn);
        Assert.Equal((2, 3), (folded.Width, folded.Height));
        // np.rot90([[1,2,3],[4,5,6]]) = [[3,6],[2,5],[1,4]]
        Assert.Equal([3, 6, 2, 5, 1, 4], folded.Labels);
        Assert.Equal(folded.Labels.Select(l => (float)(l - 1)).Concat(folded.Labels.Select(l => (float)(l + 9))), folded.Image);
    }

    [Fact]
    public void The_random_pipeline_keeps_labels_and_image_aligned_and_is_seeded()
    {
        int size = 16;
        var labels = new int[size * size];
        for (int y = 2; y < 7; y++) for (int x = 3; x < 9; x++) labels[y * size + x] = 5;
        var image = Array.ConvertAll(labels, l => l > 0 ? 1f : 0f);
        var pipeline = TrainingAugmentation.DefaultPipeline();
        var (a, la) = TrainingAugmentation.Apply(pipeline, (float[])image.Clone(), (int[])labels.Clone(), 1, size, new SeededRandom(9));
        var (b, lb) = TrainingAugmentation.Apply(pipeline, (float[])image.Clone(), (int[])labels.Clone(), 1, size, new SeededRandom(9));
        Assert.Equal(a, b);
        Assert.Equal(la, lb);
        Assert.All(la, l => Assert.True(l is 0 or 5)); // nearest neighbour: no new label values
        Assert.Contains(5, la);
    }
}
