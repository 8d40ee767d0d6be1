namespace Research.Augmentation;

/// <summary>What values a mask given beside an image may hold.</summary>
public enum MaskKind
{
    /// <summary>An instance or class label image: one channel of whole numbers (8-, 16- or 32-bit, or float holding integers).</summary>
    Labels,
    /// <summary>A binary mask: one channel holding 0 and at most one other value (1 or 255, say).</summary>
    Binary,
}
