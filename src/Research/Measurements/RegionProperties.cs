namespace Research.Measurements;

/// <summary>
/// The measured properties of one labelled object, with scikit-image 0.19's <c>regionprops</c> definitions. Lengths
/// are in pixels, areas in pixels², angles in radians; coordinates are (row, column) with rows downwards.
/// </summary>
public sealed record RegionProperties
{
    /// <summary>The label value (every pixel with it belongs to this object, even in several pieces).</summary>
    public required int Label { get; init; }

    /// <summary>Pixels.</summary>
    public required long Area { get; init; }

    /// <summary>Top row of the bounding box.</summary>
    public required int BboxMinRow { get; init; }

    /// <summary>Leftmost column of the bounding box.</summary>
    public required int BboxMinCol { get; init; }

    /// <summary>Bottom row of the bounding box plus one (exclusive, as scikit-image).</summary>
    public required int BboxMaxRow { get; init; }

    /// <summary>Rightmost column of the bounding box plus one (exclusive).</summary>
    public required int BboxMaxCol { get; init; }

    /// <summary>Mean row of the pixels.</summary>
    public required double CentroidRow { get; init; }

    /// <summary>Mean column of the pixels.</summary>
    public required double CentroidCol { get; init; }

    /// <summary>Perimeter of the 4-connected border, weighted (<see cref="WeightedPerimeter"/>).</summary>
    public required double Perimeter { get; init; }

    /// <summary>Crofton perimeter over four directions (<see cref="CroftonPerimeter"/>).</summary>
    public required double PerimeterCrofton { get; init; }

    /// <summary>Eccentricity of the moments' ellipse (0 disc, towards 1 line).</summary>
    public required double Eccentricity { get; init; }

    /// <summary>Angle between the row axis and the major axis, radians in [−π/2, π/2].</summary>
    public required double Orientation { get; init; }

    /// <summary>Major axis of the moments' ellipse.</summary>
    public required double MajorAxisLength { get; init; }

    /// <summary>Minor axis of the moments' ellipse.</summary>
    public required double MinorAxisLength { get; init; }

    /// <summary>Diameter of the disc with the same area, √(4 area / π).</summary>
    public required double EquivalentDiameter { get; init; }

    /// <summary>Area / convex area.</summary>
    public required double Solidity { get; init; }

    /// <summary>Pixels of the convex hull image.</summary>
    public required long ConvexArea { get; init; }

    /// <summary>Area / bounding-box area.</summary>
    public required double Extent { get; init; }

    /// <summary>Pieces (8-connected) minus holes (4-connected).</summary>
    public required int EulerNumber { get; init; }

    /// <summary>Largest distance between two points of the convex hull's contour.</summary>
    public required double FeretDiameterMax { get; init; }

    /// <summary>Pixels with the holes filled.</summary>
    public required long FilledArea { get; init; }

    /// <summary>Mean intensity per channel (empty without an intensity image).</summary>
    public required double[] MeanIntensity { get; init; }

    /// <summary>Smallest intensity per channel.</summary>
    public required double[] MinIntensity { get; init; }

    /// <summary>Largest intensity per channel.</summary>
    public required double[] MaxIntensity { get; init; }

    /// <summary>4 π area / perimeter² (NaN when the perimeter is 0, a lone pixel).</summary>
    public required double Circularity { get; init; }

    /// <summary>Whether the bounding box reaches the image's edge.</summary>
    public required bool TouchesBorder { get; init; }
}
