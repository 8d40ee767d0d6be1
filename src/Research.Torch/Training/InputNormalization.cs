using Research.Processing;

namespace Research.Torch.Training;

/// <summary>How pixel values become model input.</summary>
public enum InputScaling
{
    /// <summary>Divide by the pixel type's maximum (255 or 65535); float images unchanged.</summary>
    TypeRange,
    /// <summary>(v - min) / (max - min) per image.</summary>
    MinMax,
    /// <summary>(v - mean) / std per image.</summary>
    ZScore,
    /// <summary>Clip to the low and high percentiles of the image, then scale that range to [0, 1] (<see cref="Normalization"/>).</summary>
    Percentile,
}

/// <summary>
/// The input normalisation of a run, saved in <c>config.json</c> so that prediction applies exactly what training did.
/// </summary>
public sealed record InputNormalization
{
    /// <summary>The scaling. <value>The default value is <see cref="InputScaling.Percentile"/>.</value></summary>
    public InputScaling Scaling { get; init; } = InputScaling.Percentile;

    /// <summary>The low percentile of <see cref="InputScaling.Percentile"/>. <value>The default value is 0.5.</value></summary>
    public double Low { get; init; } = 0.5;

    /// <summary>The high percentile of <see cref="InputScaling.Percentile"/>. <value>The default value is 99.5.</value></summary>
    public double High { get; init; } = 99.5;

    /// <summary>
    /// After scaling, invert (1 - v) an image whose mean is above 0.5, so that dark objects on a bright background
    /// (bright-field and stained images, as in DSB2018) look like bright objects on a dark one (fluorescence).
    /// Meant for the [0, 1] scalings. <value>The default value is false.</value>
    /// </summary>
    public bool InvertBright { get; init; }

    /// <summary>Throws an <see cref="InputException"/> for percentiles outside 0 &lt;= low &lt; high &lt;= 100.</summary>
    public void Validate()
    {
        if (!(Low >= 0 && Low < High && High <= 100)) throw new InputException($"Normalisation percentiles must satisfy 0 <= low < high <= 100, got {Low} and {High}.");
    }
}

/// <summary>Whether images are fed to the model as one grey channel or as three colour channels.</summary>
public enum InputColour
{
    /// <summary>One channel: 8- and 16-bit colour images are converted with <see cref="Research.Imaging.GreyConversion"/> (OpenCV's RGB2GRAY); multi-channel float images keep their first channel.</summary>
    Grey,
    /// <summary>Three channels R, G, B: alpha is dropped, grey images are repeated into all three.</summary>
    Rgb,
}
