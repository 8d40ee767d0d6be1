namespace Research.Measurements;

/// <summary>
/// scikit-image 0.19's <c>perimeter_crofton(image, directions=4)</c>: the Crofton formula over four directions,
/// a weighted sum of the <see cref="QuadConfigurations"/> counts with scikit-image's coefficients.
/// </summary>
public static class CroftonPerimeter
{
    private static readonly double[] Coefficients = MakeCoefficients();

    /// <summary>The Crofton perimeter of the object whose configuration counts are <paramref name="configurations"/>.</summary>
    public static double Of(long[] configurations)
    {
        ArgumentNullException.ThrowIfNull(configurations);
        double total = 0;
        for (int k = 0; k < 16; k++) total += Coefficients[k] * configurations[k];
        return total;
    }

    private static double[] MakeCoefficients()
    {
        double s2 = Math.Sqrt(2);
        double a = Math.PI / 4 * (1 + 1 / s2), b = Math.PI / (4 * s2), c = Math.PI / (2 * s2);
        return [0, a, b, c, 0, a, 0, b, Math.PI / 4, Math.PI / 2, b, b, Math.PI / 4, Math.PI / 2, 0, 0];
    }
}
