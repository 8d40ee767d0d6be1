using Research.Augmentation;
using Research.Imaging;
using Research.Imaging.Drawing;

namespace Research.Tests.Augmentation;

public sealed class AugmentationPreviewTests
{
    [Fact]
    public void Grid_shows_each_fold_with_its_outlines()
    {
        var image = new Image<byte>(12, 10);
        var labels = new Image<ushort>(12, 10);
        for (int y = 2; y < 6; y++) for (int x = 1; x < 5; x++) labels[x, y] = 3;
        var folds = AugmentationPreview.Spread(AugmentationScheme.Fold113, 4);
        Assert.Equal([0, 28, 56, 84], folds.Select(f => f.Index)); // i * 113 / 4
        var grid = AugmentationPreview.Grid(image, labels, folds, columns: 2);
        // cells are as large as the largest fold: 12 x 12 (rotated folds are 10 x 12)
        Assert.Equal(2 * 12 + 3 * 4, grid.Width);
        Assert.Equal(2 * 12 + 3 * 4, grid.Height);
        var (r, g, b) = LabelOutlines.Colour(3);
        Assert.Equal([r, g, b], grid.Row(4 + 2).Slice((4 + 1) * 3, 3).ToArray()); // fold 0: outline pixel (1, 2)
        Assert.Throws<InputException>(() => AugmentationPreview.Grid(image, new Image<ushort>(3, 3), folds));
    }
}
