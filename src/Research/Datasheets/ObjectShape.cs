namespace Research.Datasheets;

/// <summary>The area and shape of one object.</summary>
/// <param name="Area">Pixels.</param>
/// <param name="Eccentricity">Eccentricity of the ellipse with the object's second central moments (0 for a disc, towards 1 for a line), as scikit-image's <c>regionprops</c>.</param>
public readonly record struct ObjectShape(int Area, double Eccentricity);

/// <summary>
/// Sums of x, y, x², y² and xy over an object's pixels, from which its area and eccentricity follow: with the central
/// moments mu20, mu02, mu11 (divided by the area), the ellipse's squared half-axes are proportional to
/// λ1,2 = (mu20 + mu02)/2 ± sqrt(((mu20 − mu02)/2)² + mu11²), and the eccentricity is sqrt(1 − λ2/λ1) (0 when λ1 = 0,
/// a single pixel).
/// </summary>
public struct ObjectMoments
{
    private long _n;
    private double _sx, _sy, _sxx, _syy, _sxy;

    /// <summary>Adds the pixel (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public void Add(int x, int y)
    {
        _n++;
        _sx += x;
        _sy += y;
        _sxx += (double)x * x;
        _syy += (double)y * y;
        _sxy += (double)x * y;
    }

    /// <summary>Pixels added.</summary>
    public readonly long Count => _n;

    /// <summary>The area and eccentricity.</summary>
    public readonly ObjectShape Shape()
    {
        if (_n == 0) return new ObjectShape(0, 0);
        double mx = _sx / _n, my = _sy / _n;
        double mu20 = _sxx / _n - mx * mx, mu02 = _syy / _n - my * my, mu11 = _sxy / _n - mx * my;
        double half = (mu20 + mu02) / 2, root = Math.Sqrt(Math.Pow((mu20 - mu02) / 2, 2) + mu11 * mu11);
        double l1 = half + root, l2 = Math.Max(0, half - root);
        return new ObjectShape((int)_n, l1 <= 1e-12 ? 0 : Math.Sqrt(Math.Max(0, 1 - l2 / l1)));
    }
}
