namespace Research.Measurements;

/// <summary>
/// The ellipse with an object's second central moments, as scikit-image 0.19 derives it from the inertia tensor
/// T = [[a, b], [b, c]] with a = μ02 / μ00 (column variance), b = −μ11 / μ00, c = μ20 / μ00 (row variance): the
/// eigenvalues λ1 ≥ λ2 ≥ 0, axis lengths 4 √λ, eccentricity √(1 − λ2 / λ1) (0 when λ1 = 0; computed as
/// √((λ1 − λ2) / λ1) with λ1 − λ2 = 2 √(((a − c) / 2)² + b²), and λ2 as det T / λ1, so that neither cancels), and the orientation
/// ½ atan2(−2b, c − a) in radians between −π/2 and π/2, the angle between the row axis and the major axis (±π/4 when
/// a = c, by the sign of b; −π/2 and π/2 are the same axis, and which of the two scikit-image reports for an
/// axis along the columns depends on the sign of its rounding noise). The moments come from exact integer sums, so they are as accurate as doubles allow.
/// </summary>
/// <param name="MajorAxisLength">4 √λ1.</param>
/// <param name="MinorAxisLength">4 √λ2.</param>
/// <param name="Eccentricity">√(1 − λ2 / λ1).</param>
/// <param name="Orientation">Radians, scikit-image's convention.</param>
public readonly record struct InertiaEllipse(double MajorAxisLength, double MinorAxisLength, double Eccentricity, double Orientation)
{
    /// <summary>The ellipse of <paramref name="n"/> pixels with the given sums of row, column, row², column², row·column.</summary>
    public static InertiaEllipse Of(long n, long sumRow, long sumCol, long sumRowRow, long sumColCol, long sumRowCol)
    {
        Int128 nn = n;
        Int128 n20 = nn * sumRowRow - (Int128)sumRow * sumRow;
        Int128 n02 = nn * sumColCol - (Int128)sumCol * sumCol;
        Int128 n11 = nn * sumRowCol - (Int128)sumRow * sumCol;
        double scale = (double)n * n;
        double a = (double)n02 / scale, c = (double)n20 / scale, b = -(double)n11 / scale;
        double half = (double)(n02 - n20) / scale / 2;
        double root = Math.Sqrt(half * half + b * b);
        double l1 = (a + c) / 2 + root;
        double det = Determinant(n20, n02, n11) / scale / scale;
        double l2 = l1 > 0 ? Math.Clamp(det / l1, 0, l1) : 0;
        double eccentricity = l1 > 0 ? Math.Sqrt(Math.Min(1, 2 * root / l1)) : 0;
        double orientation = n02 == n20 ? (b < 0 ? -Math.PI / 4 : Math.PI / 4) : 0.5 * Math.Atan2(-2 * b, c - a);
        return new InertiaEllipse(4 * Math.Sqrt(l1), 4 * Math.Sqrt(l2), eccentricity, orientation);
    }

    /// <summary>n20 n02 − n11², exact while it fits 128 bits, else in doubles.</summary>
    private static double Determinant(Int128 n20, Int128 n02, Int128 n11)
    {
        Int128 limit = (Int128)1 << 62;
        if (Int128.Abs(n20) < limit && Int128.Abs(n02) < limit && Int128.Abs(n11) < limit) return (double)(n20 * n02 - n11 * n11);
        return (double)n20 * (double)n02 - (double)n11 * (double)n11;
    }
}
