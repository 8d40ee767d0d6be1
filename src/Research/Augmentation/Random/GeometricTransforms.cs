using Research.Randomness;

namespace Research.Augmentation.Random;

/// <summary>One of the 8 rotations/flips, uniformly: parameter k = rotation quarter turns x 2 + flip.</summary>
public sealed record D4Transform : IRandomTransform
{
    /// <inheritdoc />
    public string Name => "d4";

    /// <inheritdoc />
    /// <value>The default value is 1.</value>
    public double Probability { get; init; } = 1.0;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> Sample(SeededRandom random, int width, int height) =>
        new Dictionary<string, double> { ["k"] = random.NextInt(0, 8) };

    /// <inheritdoc />
    public void Validate() => OptionCheck.Range(Name, "probability", Probability, 0, 1);
}

/// <summary>Rotation by a uniform angle in [-max_degrees, max_degrees] about the centre; corners fill with 0.</summary>
public sealed record RotateTransform : IRandomTransform
{
    /// <inheritdoc />
    public string Name => "rotate";

    /// <inheritdoc />
    /// <value>The default value is 1.</value>
    public double Probability { get; init; } = 1.0;

    /// <summary>The largest angle, degrees.</summary>
    /// <value>The default value is 180.</value>
    public double MaxDegrees { get; init; } = 180;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> Sample(SeededRandom random, int width, int height) =>
        new Dictionary<string, double> { ["degrees"] = random.Uniform(-MaxDegrees, MaxDegrees) };

    /// <inheritdoc />
    public void Validate()
    {
        OptionCheck.Range(Name, "probability", Probability, 0, 1);
        OptionCheck.Range(Name, "max_degrees", MaxDegrees, 0, 360);
    }
}

/// <summary>Rotation, scale, shear and translation drawn uniformly from their ranges, applied about the centre.</summary>
public sealed record AffineTransform : IRandomTransform
{
    /// <inheritdoc />
    public string Name => "affine";

    /// <inheritdoc />
    /// <value>The default value is 1.</value>
    public double Probability { get; init; } = 1.0;

    /// <summary>The largest rotation, degrees.</summary>
    /// <value>The default value is 15.</value>
    public double MaxDegrees { get; init; } = 15;

    /// <summary>The smallest scale.</summary>
    /// <value>The default value is 0.9.</value>
    public double MinScale { get; init; } = 0.9;

    /// <summary>The largest scale.</summary>
    /// <value>The default value is 1.1.</value>
    public double MaxScale { get; init; } = 1.1;

    /// <summary>The largest shear, degrees.</summary>
    /// <value>The default value is 5.</value>
    public double MaxShearDegrees { get; init; } = 5;

    /// <summary>The largest translation as a fraction of the width (x) and height (y).</summary>
    /// <value>The default value is 0.05.</value>
    public double MaxTranslate { get; init; } = 0.05;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> Sample(SeededRandom random, int width, int height) => new Dictionary<string, double>
    {
        ["degrees"] = random.Uniform(-MaxDegrees, MaxDegrees),
        ["scale"] = random.Uniform(MinScale, MaxScale),
        ["shear"] = random.Uniform(-MaxShearDegrees, MaxShearDegrees),
        ["tx"] = random.Uniform(-MaxTranslate, MaxTranslate) * width,
        ["ty"] = random.Uniform(-MaxTranslate, MaxTranslate) * height,
    };

    /// <inheritdoc />
    public void Validate()
    {
        OptionCheck.Range(Name, "probability", Probability, 0, 1);
        OptionCheck.Range(Name, "max_degrees", MaxDegrees, 0, 360);
        OptionCheck.Range(Name, "min_scale", MinScale, 0.01, 100);
        OptionCheck.Range(Name, "max_scale", MaxScale, 0.01, 100);
        OptionCheck.Ordered(Name, "min_scale", MinScale, "max_scale", MaxScale);
        OptionCheck.Range(Name, "max_shear_degrees", MaxShearDegrees, 0, 60);
        OptionCheck.Range(Name, "max_translate", MaxTranslate, 0, 1);
    }
}

/// <summary>
/// Elastic deformation (Simard et al. 2003): displacements uniform in [-1, 1] per pixel, Gaussian-smoothed with
/// sigma px and scaled by alpha px. The field is rebuilt from a drawn seed, so the parameters stay small.
/// </summary>
public sealed record ElasticTransform : IRandomTransform
{
    /// <inheritdoc />
    public string Name => "elastic";

    /// <inheritdoc />
    /// <value>The default value is 1.</value>
    public double Probability { get; init; } = 1.0;

    /// <summary>Displacement scale, pixels.</summary>
    /// <value>The default value is 30.</value>
    public double Alpha { get; init; } = 30;

    /// <summary>Smoothing of the displacement field, pixels.</summary>
    /// <value>The default value is 4.</value>
    public double Sigma { get; init; } = 4;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> Sample(SeededRandom random, int width, int height) =>
        new Dictionary<string, double> { ["alpha"] = Alpha, ["sigma"] = Sigma, ["seed"] = OptionCheck.Seed(random) };

    /// <inheritdoc />
    public void Validate()
    {
        OptionCheck.Range(Name, "probability", Probability, 0, 1);
        OptionCheck.Range(Name, "alpha", Alpha, 0, 10000);
        OptionCheck.Range(Name, "sigma", Sigma, 0.1, 1000);
    }
}
