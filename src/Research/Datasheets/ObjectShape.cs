using Research.Measurements;

namespace Research.Datasheets;

/// <summary>
/// The area and shape of one object in a datasheet's composition, taken from its region properties
/// (<see cref="RegionMeasurer"/>, scikit-image 0.19's definitions).
/// </summary>
/// <param name="Area">Pixels.</param>
/// <param name="Eccentricity">Eccentricity of the ellipse with the object's second central moments (0 for a disc, towards 1 for a line).</param>
/// <param name="Solidity">Area / convex area (1 when not given).</param>
/// <param name="Circularity">4 π area / perimeter² (NaN for a lone pixel, whose perimeter is 0, and when not given).</param>
public readonly record struct ObjectShape(int Area, double Eccentricity, double Solidity = 1, double Circularity = double.NaN)
{
    /// <summary>The shape of a measured object.</summary>
    public static ObjectShape From(RegionProperties properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        return new ObjectShape(checked((int)properties.Area), properties.Eccentricity, properties.Solidity, properties.Circularity);
    }
}
