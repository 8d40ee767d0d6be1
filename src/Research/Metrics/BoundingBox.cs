namespace Research.Metrics;

/// <summary>The smallest axis-aligned box holding an object, in inclusive pixel coordinates.</summary>
/// <param name="MinX">Leftmost column.</param>
/// <param name="MinY">Top row.</param>
/// <param name="MaxX">Rightmost column (inclusive).</param>
/// <param name="MaxY">Bottom row (inclusive).</param>
public readonly record struct BoundingBox(int MinX, int MinY, int MaxX, int MaxY)
{
    /// <summary>The centre of the box, (MinX + MaxX) / 2 and (MinY + MaxY) / 2, in pixel-centre coordinates.</summary>
    public (double X, double Y) Centre => ((MinX + MaxX) / 2.0, (MinY + MaxY) / 2.0);
}
