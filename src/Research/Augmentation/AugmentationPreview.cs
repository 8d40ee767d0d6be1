using Research.Imaging;
using Research.Imaging.Drawing;

namespace Research.Augmentation;

/// <summary>A picture of what augmentation does: folds of an image side by side, each with its objects outlined.</summary>
public static class AugmentationPreview
{
    /// <summary>
    /// A montage of <paramref name="folds"/> of <paramref name="image"/> (shown as 8-bit RGB) in <paramref name="columns"/>
    /// columns, with the outlines of <paramref name="labels"/> (given the identical folds) drawn on each, when given.
    /// </summary>
    public static Image<byte> Grid(IImage image, Image<ushort>? labels, IReadOnlyList<Fold> folds, int columns = 8)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(folds);
        if (labels is not null && !labels.SameSize(image))
        {
            throw new InputException($"The labels are {labels.Width}x{labels.Height} but the image is {image.Width}x{image.Height}.");
        }
        var display = DisplayImage.ToRgb8(image);
        var tiles = folds.Select(fold =>
        {
            var rgb = FoldGeometry.Apply(display, fold);
            if (labels is not null) LabelOutlines.Draw(rgb, FoldGeometry.Apply(labels, fold));
            return rgb;
        }).ToList();
        return Montage.Grid(tiles, columns);
    }

    /// <summary><paramref name="count"/> folds of <paramref name="scheme"/> spread evenly over it (fold i x total / count), starting with fold 0.</summary>
    public static IReadOnlyList<Fold> Spread(AugmentationScheme scheme, int count)
    {
        var all = FoldSchemes.Folds(scheme);
        count = Math.Clamp(count, 1, all.Count);
        return [.. Enumerable.Range(0, count).Select(i => all[i * all.Count / count])];
    }
}
