using Research.Augmentation;

namespace Research.Tests.Augmentation;

public sealed class AugmentedViewTests
{
    [Fact]
    public void Maps_an_index_to_source_item_and_fold_lazily()
    {
        var source = new[] { "a", "b", "c" };
        var view = new AugmentedView<string>(source, AugmentationScheme.Fold113);
        Assert.Equal(339, view.Count);
        Assert.Equal(new AugmentedItem<string>(0, "a", FoldSchemes.Folds(AugmentationScheme.Fold113)[0]), view[0]);
        Assert.Equal(("b", 0), (view[113].Item, view[113].Fold.Index));
        Assert.Equal(("c", 112), (view[338].Item, view[338].Fold.Index));
        Assert.Throws<ArgumentOutOfRangeException>(() => view[339]);
        Assert.Equal(339, view.Select(e => (e.SourceIndex, e.Fold.Index)).Distinct().Count());
    }

    [Fact]
    public void No_augmented_copy_of_a_validation_image_reaches_training()
    {
        var images = Enumerable.Range(0, 50).Select(i => $"image-{i:00}").ToArray();
        var split = SourceSplitter.Split(images, 0.2, seed: 9);
        Assert.Equal(10, split.Validation.Count);
        Assert.Equal(40, split.Train.Count);
        Assert.Equal(images.Order(), split.Train.Concat(split.Validation).Order());

        var training = split.AugmentedTrain(AugmentationScheme.Fold113);
        Assert.Equal(40 * 113, training.Count);
        var validation = split.Validation.ToHashSet();
        Assert.DoesNotContain(training, entry => validation.Contains(entry.Item));
        Assert.Equal(split.Train.ToHashSet(), training.Select(e => e.Item).ToHashSet());
    }

    [Fact]
    public void Split_is_seeded()
    {
        var items = Enumerable.Range(0, 30).ToArray();
        Assert.Equal(SourceSplitter.Split(items, 0.3, 1).ValidationIndices, SourceSplitter.Split(items, 0.3, 1).ValidationIndices);
        Assert.NotEqual(SourceSplitter.Split(items, 0.3, 1).ValidationIndices, SourceSplitter.Split(items, 0.3, 2).ValidationIndices);
        Assert.Single(SourceSplitter.Split(new[] { 1, 2 }, 0.1, 1).Validation);
        Assert.Throws<InputException>(() => SourceSplitter.Split(items, 1.0, 1));
    }
}
