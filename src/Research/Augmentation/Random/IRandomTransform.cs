using Research.Randomness;

namespace Research.Augmentation.Random;

/// <summary>
/// A random transform: typed options plus parameter sampling, nothing else. The maths lives in
/// <see cref="TransformFunctions"/>, which applies drawn parameters to image, mask and labels alike.
/// </summary>
public interface IRandomTransform
{
    /// <summary>The registry name (see <see cref="TransformRegistry"/>).</summary>
    string Name { get; }

    /// <summary>The chance, 0 to 1, that the transform is applied at all.</summary>
    double Probability { get; }

    /// <summary>Draws this transform's parameters once for a <paramref name="width"/> x <paramref name="height"/> image.</summary>
    IReadOnlyDictionary<string, double> Sample(SeededRandom random, int width, int height);

    /// <summary>Throws <see cref="InputException"/> naming the first option (as its JSON key) that is out of range.</summary>
    void Validate();
}

/// <summary>Range checks with messages that name the JSON key.</summary>
internal static class OptionCheck
{
    public static void Range(string transform, string key, double value, double min, double max)
    {
        if (!(value >= min && value <= max))
        {
            throw new InputException(FormattableString.Invariant($"Transform '{transform}': {key} must be between {min} and {max}, got {value}."));
        }
    }

    public static void Ordered(string transform, string lowKey, double low, string highKey, double high)
    {
        if (!(low <= high)) throw new InputException(FormattableString.Invariant($"Transform '{transform}': {lowKey} ({low}) must not exceed {highKey} ({high})."));
    }

    /// <summary>A seed as a double that round-trips exactly (53 random bits).</summary>
    public static double Seed(SeededRandom random) => random.NextUInt64() >> 11;
}
