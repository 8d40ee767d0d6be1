namespace Research.Measurements;

/// <summary>
/// The Euler number of an object as scikit-image 0.19's <c>regionprops</c> reports it: <c>euler_number(image,
/// connectivity=2)</c>, so the object is 8-connected and its holes 4-connected; pieces minus holes, from the
/// <see cref="QuadConfigurations"/> counts with Ohser's coefficients.
/// </summary>
public static class EulerNumber
{
    private static readonly int[] Coefficients = [0, 0, 0, 0, 0, 0, -1, 0, 1, 0, 0, 0, 0, 0, -1, 0];

    /// <summary>The Euler number of the object whose configuration counts are <paramref name="configurations"/>.</summary>
    public static int Of(long[] configurations)
    {
        ArgumentNullException.ThrowIfNull(configurations);
        long total = 0;
        for (int k = 0; k < 16; k++) total += Coefficients[k] * configurations[k];
        return checked((int)total);
    }
}
