namespace Research.Torch.Losses;

/// <summary>The training losses the registry can build.</summary>
public enum LossKind
{
    /// <summary><c>bce</c>: binary cross-entropy on logits, mean over pixels.</summary>
    Bce,
    /// <summary><c>dice</c>: 1 - soft Dice, Dice averaged over the images of the batch.</summary>
    Dice,
    /// <summary><c>bce-dice</c>: BCE + (1 - soft Dice).</summary>
    BceDice,
    /// <summary><c>weighted-bce</c>: BCE weighted per pixel by the c-ResUnet weight map.</summary>
    WeightedBce,
    /// <summary><c>cross-entropy</c>: K-class cross-entropy on the 3-class (background, interior, boundary) target.</summary>
    CrossEntropy,
}
