namespace Research.Processing.Labels;

/// <summary>
/// Per-pixel class probabilities of one image, as a model predicts them: one plane (the foreground probability of a
/// one-logit model) or K planes (softmax over K classes, plane 0 the background; for K = 3 the classes of
/// <see cref="TargetClass"/>). Planes are H x W, row-major, one after the other.
/// </summary>
public sealed class ProbabilityMaps
{
    private readonly float[] _values;

    /// <summary>Wraps <paramref name="values"/> (classes x height x width, not copied).</summary>
    public ProbabilityMaps(int classes, int width, int height, float[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (classes < 1) throw new ArgumentOutOfRangeException(nameof(classes), classes, "At least one plane is needed.");
        if (width < 1 || height < 1) throw new ArgumentException($"The size must be positive, got {width} x {height}.");
        if (values.Length != (long)classes * width * height)
        {
            throw new ArgumentException($"Expected {classes} x {width} x {height} = {(long)classes * width * height} values, got {values.Length}.", nameof(values));
        }
        Classes = classes;
        Width = width;
        Height = height;
        _values = values;
    }

    /// <summary>Number of planes: 1 (foreground) or K classes.</summary>
    public int Classes { get; }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Plane <paramref name="k"/> (0-based).</summary>
    public ReadOnlySpan<float> Plane(int k)
    {
        if (k < 0 || k >= Classes) throw new ArgumentOutOfRangeException(nameof(k), k, $"There are {Classes} plane(s).");
        return _values.AsSpan(k * Width * Height, Width * Height);
    }

    /// <summary>The probability that a pixel belongs to any object: the single plane, or 1 - P(background) for K classes.</summary>
    public float[] Foreground()
    {
        if (Classes == 1) return Plane(0).ToArray();
        var background = Plane(0);
        var foreground = new float[background.Length];
        for (int i = 0; i < foreground.Length; i++) foreground[i] = 1f - background[i];
        return foreground;
    }
}
