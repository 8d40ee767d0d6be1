using Research.Imaging;

namespace Research.Augmentation.Random;

/// <summary>
/// What a random transform moves together: a float image (any channels) and, optionally, a mask and a label image of the
/// same size (one channel, any integer type). Geometry reaches all three (bilinear for the image, nearest for mask and
/// labels, so they never gain values); intensity transforms touch the image only.
/// </summary>
/// <param name="Image">The image, normalised to float.</param>
/// <param name="Mask">An optional mask.</param>
/// <param name="Labels">An optional instance label image.</param>
public sealed record AugmentationSample(Image<float> Image, IImage? Mask = null, IImage? Labels = null)
{
    /// <summary>Throws <see cref="InputException"/> if the mask or labels differ in size from the image.</summary>
    public void Check()
    {
        foreach (var (name, other) in new[] { ("mask", Mask), ("labels", Labels) })
        {
            if (other is not null && (other.Width != Image.Width || other.Height != Image.Height))
            {
                throw new InputException($"The {name} is {other.Width}x{other.Height} but the image is {Image.Width}x{Image.Height}; they must match.");
            }
        }
    }
}

/// <summary>The parameters one transform drew and applied, enough to replay it exactly (and serialise it).</summary>
/// <param name="Name">The transform's registry name.</param>
/// <param name="Applied">False when the transform's probability skipped it.</param>
/// <param name="Parameters">The drawn values by name (angle in degrees, sigma in pixels, seeds as numbers ...).</param>
public sealed record AppliedTransform(string Name, bool Applied, IReadOnlyDictionary<string, double> Parameters);
