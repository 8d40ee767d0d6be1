using Research.Imaging;

namespace Research.Processing.Pipeline;

/// <summary>One preprocessing step: typed options and a pure function of the image.</summary>
public interface IPreprocessStep
{
    /// <summary>The registry name (see <see cref="PreprocessPipeline.StepNames"/>).</summary>
    string Name { get; }

    /// <summary>Applies the step; the result may have another sample type (normalisation gives float).</summary>
    IImage Apply(IImage image);

    /// <summary>
    /// Applies the step to the mask or label image of an image: geometric steps (resize, pad) change it as they change
    /// the image (resize always with nearest neighbour, so label values survive); intensity steps leave it unchanged.
    /// </summary>
    IImage ApplyToMask(IImage mask) => mask;
}

/// <summary>Grey conversion (<see cref="GreyConversion"/>: grey stays grey, equal channels keep R, colour uses BT.601 luma).</summary>
public sealed record GreyStep : IPreprocessStep
{
    /// <inheritdoc />
    public string Name => "grey";

    /// <inheritdoc />
    public IImage Apply(IImage image) => GreyConversion.ToGrey(image);
}

/// <summary>Resize to <see cref="Width"/> x <see cref="Height"/>, or by <see cref="Scale"/> when the size is 0.</summary>
public sealed record ResizeStep : IPreprocessStep
{
    /// <inheritdoc />
    public string Name => "resize";

    /// <summary>Target width; 0 to use <see cref="Scale"/>.</summary>
    /// <value>The default value is 256.</value>
    public int Width { get; init; } = 256;

    /// <summary>Target height; 0 to use <see cref="Scale"/>.</summary>
    /// <value>The default value is 256.</value>
    public int Height { get; init; } = 256;

    /// <summary>Scale factor, used when width and height are 0.</summary>
    /// <value>The default value is 1.</value>
    public double Scale { get; init; } = 1.0;

    /// <summary>Interpolation (nearest for masks and labels).</summary>
    /// <value>The default value is <see cref="ResizeInterpolation.Linear"/>.</value>
    public ResizeInterpolation Interpolation { get; init; } = ResizeInterpolation.Linear;

    /// <inheritdoc />
    public IImage Apply(IImage image) => image switch
    {
        Image<byte> b => Run(b),
        Image<ushort> s => Run(s),
        Image<float> f => Run(f),
        Image<int> n => Run(n),
        _ => throw new ArgumentException($"Unsupported image {image}.", nameof(image)),
    };

    /// <inheritdoc />
    public IImage ApplyToMask(IImage mask) => (this with { Interpolation = ResizeInterpolation.Nearest }).Apply(mask);

    private Image<T> Run<T>(Image<T> image) where T : unmanaged =>
        Width > 0 && Height > 0 ? Resize.To(image, Width, Height, Interpolation) : Resize.ByScale(image, Scale, Interpolation);
}

/// <summary>CLAHE of an 8- or 16-bit grey image (<see cref="Clahe"/>).</summary>
public sealed record ClaheStep : IPreprocessStep
{
    /// <inheritdoc />
    public string Name => "clahe";

    /// <summary>See <see cref="ClaheOptions.ClipLimit"/>.</summary>
    /// <value>The default value is 2.</value>
    public double ClipLimit { get; init; } = 2.0;

    /// <summary>Tiles across.</summary>
    /// <value>The default value is 8.</value>
    public int TilesX { get; init; } = 8;

    /// <summary>Tiles down.</summary>
    /// <value>The default value is 8.</value>
    public int TilesY { get; init; } = 8;

    /// <inheritdoc />
    public IImage Apply(IImage image)
    {
        var options = new ClaheOptions { ClipLimit = ClipLimit, TilesX = TilesX, TilesY = TilesY };
        return image switch
        {
            Image<byte> b => Clahe.Apply(b, options),
            Image<ushort> s => Clahe.Apply(s, options),
            _ => throw new InputException($"CLAHE needs an 8- or 16-bit grey image, got {image.PixelType}; put clahe before normalize."),
        };
    }
}

/// <summary>Gamma correction (<see cref="Processing.Gamma"/>).</summary>
public sealed record GammaStep : IPreprocessStep
{
    /// <inheritdoc />
    public string Name => "gamma";

    /// <summary>The exponent.</summary>
    /// <value>The default value is 1.</value>
    public double Gamma { get; init; } = 1.0;

    /// <inheritdoc />
    public IImage Apply(IImage image) => image switch
    {
        Image<byte> b => Processing.Gamma.Apply(b, Gamma),
        Image<ushort> s => Processing.Gamma.Apply(s, Gamma),
        Image<float> f => Processing.Gamma.Apply(f, Gamma),
        _ => throw new InputException($"Gamma needs an 8-bit, 16-bit or float image, got {image.PixelType}."),
    };
}

/// <summary>Normalisation to float (<see cref="Normalization"/>).</summary>
public sealed record NormalizeStep : IPreprocessStep
{
    /// <inheritdoc />
    public string Name => "normalize";

    /// <summary>The method.</summary>
    /// <value>The default value is <see cref="NormalizationMethod.Percentile"/>.</value>
    public NormalizationMethod Method { get; init; } = NormalizationMethod.Percentile;

    /// <summary>Low percentile (percentile method).</summary>
    /// <value>The default value is 0.5.</value>
    public double Low { get; init; } = 0.5;

    /// <summary>High percentile (percentile method).</summary>
    /// <value>The default value is 99.5.</value>
    public double High { get; init; } = 99.5;

    /// <inheritdoc />
    public IImage Apply(IImage image) => image switch
    {
        Image<byte> b => Normalization.Apply(b, Method, Low, High),
        Image<ushort> s => Normalization.Apply(s, Method, Low, High),
        Image<float> f => Normalization.Apply(f, Method, Low, High),
        Image<int> n => Normalization.Apply(n, Method, Low, High),
        _ => throw new ArgumentException($"Unsupported image {image}.", nameof(image)),
    };
}
