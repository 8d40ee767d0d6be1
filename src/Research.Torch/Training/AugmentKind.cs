namespace Research.Torch.Training;

/// <summary>On-the-fly augmentation of training crops.</summary>
public enum AugmentKind
{
    /// <summary>No augmentation.</summary>
    None,
    /// <summary>The default random pipeline per crop (<see cref="TrainingAugmentation.DefaultPipeline"/>).</summary>
    Random,
    /// <summary>Every training image under each of the 113 folds (<see cref="Research.Augmentation.FoldSchemes"/>): 113 items per image per epoch.</summary>
    Fold113,
}
