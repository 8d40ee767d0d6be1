using System.Globalization;

namespace Research.Processing;

/// <summary>Options of <see cref="Clahe"/>, named and defaulted as in OpenCV's <c>cv2.createCLAHE</c>.</summary>
public sealed record ClaheOptions
{
    /// <summary>
    /// The contrast limit: a tile's histogram bins are clipped at max(floor(ClipLimit x tile area / bins), 1) and the
    /// excess redistributed. 0 or less disables clipping (plain adaptive histogram equalisation).
    /// </summary>
    /// <value>The default value is 40 (OpenCV's default).</value>
    public double ClipLimit { get; init; } = 40.0;

    /// <summary>Tiles across.</summary>
    /// <value>The default value is 8.</value>
    public int TilesX { get; init; } = 8;

    /// <summary>Tiles down.</summary>
    /// <value>The default value is 8.</value>
    public int TilesY { get; init; } = 8;

    /// <summary>Throws <see cref="InputException"/> for a non-finite clip limit or a tile grid below 1 x 1.</summary>
    public void Validate()
    {
        if (!double.IsFinite(ClipLimit)) throw new InputException($"CLAHE clip_limit must be a finite number, got {ClipLimit.ToString(CultureInfo.InvariantCulture)}.");
        if (TilesX < 1 || TilesY < 1) throw new InputException($"CLAHE tile grid must be at least 1 x 1, got {TilesX} x {TilesY}.");
    }
}
