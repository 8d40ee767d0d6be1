namespace Research.Processing;

/// <summary>How <see cref="Padding"/> fills the new border.</summary>
public enum PaddingMode
{
    /// <summary>A constant value (0 unless given).</summary>
    Constant,
    /// <summary>Mirror without repeating the edge pixel: ... c b | a b c ... (OpenCV's BORDER_REFLECT_101, NumPy's 'reflect').</summary>
    Reflect,
    /// <summary>Repeat the edge pixel (OpenCV's BORDER_REPLICATE, NumPy's 'edge').</summary>
    Edge,
}
