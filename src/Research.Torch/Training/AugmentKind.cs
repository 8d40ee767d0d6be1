namespace Research.Torch.Training;

/// <summary>On-the-fly augmentation of training crops.</summary>
public enum AugmentKind
{
    /// <summary>No augmentation.</summary>
    None,
    /// <summary>A random element of the dihedral group D4 (rotations by 90 degrees and flips) per crop.</summary>
    Random,
    /// <summary>The 113-fold scheme of the augmentation work (not yet available on this branch).</summary>
    Fold113,
}
