using Research.Randomness;

namespace Research.Datasets.Synthetic;

/// <summary>
/// One synthetic nucleus: an ellipse with centre, semi-axes and orientation, its outline perturbed by two
/// low-order harmonics so that it is not a perfect ellipse, and a brightness.
/// </summary>
internal readonly record struct Nucleus(
    double CenterX, double CenterY, double SemiMajor, double SemiMinor, double Angle,
    double Harmonic2, double Phase2, double Harmonic3, double Phase3, double Brightness)
{
    /// <summary>Radius of a circle that contains the whole nucleus.</summary>
    public double BoundingRadius => SemiMajor * (1 + Math.Abs(Harmonic2) + Math.Abs(Harmonic3));

    /// <summary>Equivalent radius: the radius of the circle with the ellipse's area.</summary>
    public double EquivalentRadius => Math.Sqrt(SemiMajor * SemiMinor);

    /// <summary>
    /// Whether the two nuclei are too close to keep apart: either centre lies within 0.75 of the other's normalised
    /// distance. Nuclei that do not crowd each other each keep their centre pixel when painted.
    /// </summary>
    public bool Crowds(Nucleus other) =>
        other.NormalisedDistance(CenterX, CenterY) < 0.75 || NormalisedDistance(other.CenterX, other.CenterY) < 0.75;

    /// <summary>Draws a nucleus of equivalent radius in [minRadius, maxRadius] (log-uniform) centred at (x, y).</summary>
    public static Nucleus Draw(SeededRandom rng, double x, double y, double minRadius, double maxRadius)
    {
        double radius = Math.Exp(rng.Uniform(Math.Log(minRadius), Math.Log(maxRadius)));
        double axisRatio = rng.Uniform(0.55, 1.0);
        return new Nucleus(
            x, y,
            radius / Math.Sqrt(axisRatio), radius * Math.Sqrt(axisRatio),
            rng.Uniform(0, Math.PI),
            rng.Uniform(0, 0.08), rng.Uniform(0, 2 * Math.PI),
            rng.Uniform(0, 0.05), rng.Uniform(0, 2 * Math.PI),
            rng.Uniform(0.35, 0.9));
    }

    /// <summary>
    /// Normalised distance of pixel centre (x, y) from the nucleus centre: below 1 inside, 1 on the outline.
    /// </summary>
    public double NormalisedDistance(double x, double y)
    {
        double dx = x - CenterX, dy = y - CenterY;
        double cos = Math.Cos(Angle), sin = Math.Sin(Angle);
        double u = (dx * cos + dy * sin) / SemiMajor;
        double v = (-dx * sin + dy * cos) / SemiMinor;
        double r = Math.Sqrt(u * u + v * v);
        if (r == 0) return 0;
        double phi = Math.Atan2(v, u);
        double outline = 1 + Harmonic2 * Math.Cos(2 * phi + Phase2) + Harmonic3 * Math.Cos(3 * phi + Phase3);
        return r / outline;
    }
}
