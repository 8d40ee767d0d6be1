namespace Research.Processing;

/// <summary>How <see cref="Resize"/> computes a pixel; named after OpenCV's flags, whose results they reproduce.</summary>
public enum ResizeInterpolation
{
    /// <summary>OpenCV INTER_NEAREST: source pixel floor(x * srcW / dstW). For masks and labels: no new values.</summary>
    Nearest,
    /// <summary>
    /// OpenCV INTER_NEAREST_EXACT (4.6): the source pixel whose centre is nearest the destination pixel's centre,
    /// ((x + 0.5) * srcW / dstW) in OpenCV's 16-bit fixed point, the result of PIL's and scikit-image's nearest
    /// neighbour. For masks and labels: no new values.
    /// </summary>
    NearestExact,
    /// <summary>OpenCV INTER_LINEAR: two-tap bilinear at pixel centres ((x + 0.5) * scale - 0.5); 8-bit in OpenCV's 11-bit fixed point.</summary>
    Linear,
    /// <summary>OpenCV INTER_AREA: the mean over each destination pixel's footprint when shrinking; bilinear-like when enlarging.</summary>
    Area,
}
