using Research.Imaging;

namespace Research.Processing.Pipeline;

/// <summary>
/// Pads the bottom and right edges (so pixel coordinates do not move) up to a multiple of <see cref="Multiple"/> (a
/// model's stride, say) or up to at least <see cref="Width"/> x <see cref="Height"/>. Masks are padded the same way,
/// so image and mask stay aligned: with <see cref="PaddingMode.Constant"/> the border is 0 (background) in both; with
/// <see cref="PaddingMode.Reflect"/> or <see cref="PaddingMode.Edge"/> the mask is mirrored or extended like the image
/// (an instance label mirrored into the border keeps its id).
/// </summary>
public sealed record PadStep : IPreprocessStep
{
    /// <inheritdoc />
    public string Name => "pad";

    /// <summary>Pad each side length up to a multiple of this; 0 to use <see cref="Width"/> and <see cref="Height"/>.</summary>
    /// <value>The default value is 0.</value>
    public int Multiple { get; init; }

    /// <summary>Minimum width after padding (wider images are left as they are); used when <see cref="Multiple"/> is 0.</summary>
    /// <value>The default value is 0.</value>
    public int Width { get; init; }

    /// <summary>Minimum height after padding; used when <see cref="Multiple"/> is 0.</summary>
    /// <value>The default value is 0.</value>
    public int Height { get; init; }

    /// <summary>How the border is filled.</summary>
    /// <value>The default value is <see cref="PaddingMode.Reflect"/>.</value>
    public PaddingMode Mode { get; init; } = PaddingMode.Reflect;

    /// <inheritdoc />
    public IImage Apply(IImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (Multiple < 0 || Width < 0 || Height < 0) throw new InputException($"pad: multiple, width and height must be 0 or more, got {Multiple}, {Width}, {Height}.");
        if (Multiple == 0 && Width == 0 && Height == 0) throw new InputException("pad: give multiple (e.g. 16), or width and height.");
        int right = Target(image.Width, Width) - image.Width, bottom = Target(image.Height, Height) - image.Height;
        return image switch
        {
            Image<byte> b => Padding.Pad(b, 0, bottom, 0, right, Mode),
            Image<ushort> s => Padding.Pad(s, 0, bottom, 0, right, Mode),
            Image<float> f => Padding.Pad(f, 0, bottom, 0, right, Mode),
            Image<int> n => Padding.Pad(n, 0, bottom, 0, right, Mode),
            _ => throw new ArgumentException($"Unsupported image {image}.", nameof(image)),
        };
    }

    /// <inheritdoc />
    public IImage ApplyToMask(IImage mask) => Apply(mask);

    private int Target(int size, int minimum) => Multiple > 0 ? (size + Multiple - 1) / Multiple * Multiple : Math.Max(size, minimum);
}
