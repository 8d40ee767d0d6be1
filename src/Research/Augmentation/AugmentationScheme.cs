namespace Research.Augmentation;

/// <summary>A deterministic set of folds applied to every training image.</summary>
public enum AugmentationScheme
{
    /// <summary>
    /// 113 folds: the original, then for each of the 8 rotations/flips, 7 shifts along x and 7 along y
    /// (1 + 4 x 2 x (7 + 7) = 113). See <see cref="FoldSchemes"/> for the exact order.
    /// </summary>
    Fold113,
    /// <summary>The 8 rotations and flips of the square (dihedral group D4), no shift; fold 0 is the original.</summary>
    D4,
}
