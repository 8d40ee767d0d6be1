using Research.Randomness;

namespace Research.Augmentation.Random;

/// <summary>Adds a uniform delta in [-max_delta, max_delta] to the image (float, usually in [0, 1]).</summary>
public sealed record BrightnessTransform : IRandomTransform
{
    /// <inheritdoc />
    public string Name => "brightness";

    /// <inheritdoc />
    /// <value>The default value is 1.</value>
    public double Probability { get; init; } = 1.0;

    /// <summary>The largest change.</summary>
    /// <value>The default value is 0.1.</value>
    public double MaxDelta { get; init; } = 0.1;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> Sample(SeededRandom random, int width, int height) =>
        new Dictionary<string, double> { ["delta"] = random.Uniform(-MaxDelta, MaxDelta) };

    /// <inheritdoc />
    public void Validate()
    {
        OptionCheck.Range(Name, "probability", Probability, 0, 1);
        OptionCheck.Range(Name, "max_delta", MaxDelta, 0, 1e6);
    }
}

/// <summary>Scales deviations from the image mean by a uniform factor in [min_factor, max_factor].</summary>
public sealed record ContrastTransform : IRandomTransform
{
    /// <inheritdoc />
    public string Name => "contrast";

    /// <inheritdoc />
    /// <value>The default value is 1.</value>
    public double Probability { get; init; } = 1.0;

    /// <summary>The smallest factor.</summary>
    /// <value>The default value is 0.8.</value>
    public double MinFactor { get; init; } = 0.8;

    /// <summary>The largest factor.</summary>
    /// <value>The default value is 1.2.</value>
    public double MaxFactor { get; init; } = 1.2;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> Sample(SeededRandom random, int width, int height) =>
        new Dictionary<string, double> { ["factor"] = random.Uniform(MinFactor, MaxFactor) };

    /// <inheritdoc />
    public void Validate()
    {
        OptionCheck.Range(Name, "probability", Probability, 0, 1);
        OptionCheck.Range(Name, "min_factor", MinFactor, 0, 100);
        OptionCheck.Range(Name, "max_factor", MaxFactor, 0, 100);
        OptionCheck.Ordered(Name, "min_factor", MinFactor, "max_factor", MaxFactor);
    }
}

/// <summary>Raises the image (clamped at 0 from below) to a uniform power in [min_gamma, max_gamma].</summary>
public sealed record GammaTransform : IRandomTransform
{
    /// <inheritdoc />
    public string Name => "gamma";

    /// <inheritdoc />
    /// <value>The default value is 1.</value>
    public double Probability { get; init; } = 1.0;

    /// <summary>The smallest gamma.</summary>
    /// <value>The default value is 0.8.</value>
    public double MinGamma { get; init; } = 0.8;

    /// <summary>The largest gamma.</summary>
    /// <value>The default value is 1.25.</value>
    public double MaxGamma { get; init; } = 1.25;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> Sample(SeededRandom random, int width, int height) =>
        new Dictionary<string, double> { ["gamma"] = random.Uniform(MinGamma, MaxGamma) };

    /// <inheritdoc />
    public void Validate()
    {
        OptionCheck.Range(Name, "probability", Probability, 0, 1);
        OptionCheck.Range(Name, "min_gamma", MinGamma, 0.01, 100);
        OptionCheck.Range(Name, "max_gamma", MaxGamma, 0.01, 100);
        OptionCheck.Ordered(Name, "min_gamma", MinGamma, "max_gamma", MaxGamma);
    }
}

/// <summary>Gaussian blur with a uniform sigma in [min_sigma, max_sigma] px (reflect-101 borders).</summary>
public sealed record BlurTransform : IRandomTransform
{
    /// <inheritdoc />
    public string Name => "blur";

    /// <inheritdoc />
    /// <value>The default value is 1.</value>
    public double Probability { get; init; } = 1.0;

    /// <summary>The smallest sigma, pixels.</summary>
    /// <value>The default value is 0.5.</value>
    public double MinSigma { get; init; } = 0.5;

    /// <summary>The largest sigma, pixels.</summary>
    /// <value>The default value is 1.5.</value>
    public double MaxSigma { get; init; } = 1.5;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> Sample(SeededRandom random, int width, int height) =>
        new Dictionary<string, double> { ["sigma"] = random.Uniform(MinSigma, MaxSigma) };

    /// <inheritdoc />
    public void Validate()
    {
        OptionCheck.Range(Name, "probability", Probability, 0, 1);
        OptionCheck.Range(Name, "min_sigma", MinSigma, 0, 100);
        OptionCheck.Range(Name, "max_sigma", MaxSigma, 0, 100);
        OptionCheck.Ordered(Name, "min_sigma", MinSigma, "max_sigma", MaxSigma);
    }
}

/// <summary>Adds Gaussian noise whose standard deviation is uniform in [0, max_sigma]; the noise comes from a drawn seed.</summary>
public sealed record NoiseTransform : IRandomTransform
{
    /// <inheritdoc />
    public string Name => "noise";

    /// <inheritdoc />
    /// <value>The default value is 1.</value>
    public double Probability { get; init; } = 1.0;

    /// <summary>The largest standard deviation.</summary>
    /// <value>The default value is 0.05.</value>
    public double MaxSigma { get; init; } = 0.05;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> Sample(SeededRandom random, int width, int height) =>
        new Dictionary<string, double> { ["sigma"] = random.Uniform(0, MaxSigma), ["seed"] = OptionCheck.Seed(random) };

    /// <inheritdoc />
    public void Validate()
    {
        OptionCheck.Range(Name, "probability", Probability, 0, 1);
        OptionCheck.Range(Name, "max_sigma", MaxSigma, 0, 1e6);
    }
}
