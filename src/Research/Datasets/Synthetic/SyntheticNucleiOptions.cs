namespace Research.Datasets.Synthetic;

/// <summary>Sample depth of the generated images.</summary>
public enum SampleDepth
{
    /// <summary>8-bit grey images (0-255).</summary>
    Eight = 8,
    /// <summary>16-bit grey images (0-65535), as written by scientific cameras.</summary>
    Sixteen = 16,
}

/// <summary>
/// Settings of the <c>synthetic-nuclei</c> generator. Everything not listed here is drawn per image from the
/// seeded generator within documented ranges (see <see cref="SyntheticNucleiGenerator"/>).
/// </summary>
public sealed record SyntheticNucleiOptions
{
    /// <summary>Number of images. <value>The default value is 16.</value></summary>
    public int Count { get; init; } = 16;

    /// <summary>Width and height of each image in pixels, at least 32. <value>The default value is 256.</value></summary>
    public int Size { get; init; } = 256;

    /// <summary>The seed: the same seed gives byte-identical files. <value>The default value is 42.</value></summary>
    public ulong Seed { get; init; } = 42;

    /// <summary>Sample depth of the images (labels are always 16-bit). <value>The default value is <see cref="SampleDepth.Eight"/>.</value></summary>
    public SampleDepth Depth { get; init; } = SampleDepth.Eight;

    /// <summary>Smallest equivalent nucleus radius in pixels. <value>The default value is 5.</value></summary>
    public double MinRadius { get; init; } = 5;

    /// <summary>Largest equivalent nucleus radius in pixels. <value>The default value is 14.</value></summary>
    public double MaxRadius { get; init; } = 14;

    /// <summary>Nuclei attempted per 256 x 256 pixels: the lower bound. <value>The default value is 15.</value></summary>
    public int MinNucleiPer256 { get; init; } = 15;

    /// <summary>Nuclei attempted per 256 x 256 pixels: the upper bound. <value>The default value is 40.</value></summary>
    public int MaxNucleiPer256 { get; init; } = 40;

    /// <summary>Fraction of nuclei placed in clusters (touching neighbours). <value>The default value is 0.45.</value></summary>
    public double ClusterFraction { get; init; } = 0.45;

    /// <summary>Objects smaller than this many pixels after overlap resolution are dropped. <value>The default value is 12.</value></summary>
    public int MinObjectArea { get; init; } = 12;

    /// <summary>Throws an <see cref="InputException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (Count < 1) throw new InputException($"--count must be at least 1, got {Count}.");
        ValidateShared(Size, Depth, MinRadius, MaxRadius, MinNucleiPer256, MaxNucleiPer256);
        if (ClusterFraction is < 0 or > 1) throw new InputException($"ClusterFraction must be in [0, 1], got {ClusterFraction}.");
        if (MinObjectArea < 1) throw new InputException($"MinObjectArea must be at least 1, got {MinObjectArea}.");
    }

    /// <summary>The checks the synthetic generators share (size, depth, radii, nuclei per 256 px).</summary>
    internal static void ValidateShared(int size, SampleDepth depth, double minRadius, double maxRadius, int minNuclei, int maxNuclei)
    {
        if (size < 32) throw new InputException($"--size must be at least 32 pixels, got {size}.");
        if (size > 8192) throw new InputException($"--size must be at most 8192 pixels, got {size}.");
        if (depth is not (SampleDepth.Eight or SampleDepth.Sixteen)) throw new InputException($"--bits must be 8 or 16, got {(int)depth}.");
        if (minRadius < 2 || maxRadius < minRadius) throw new InputException($"Nucleus radii must satisfy 2 <= min <= max, got {minRadius} and {maxRadius}.");
        if (minNuclei < 0 || maxNuclei < minNuclei) throw new InputException($"Nuclei per 256 px must satisfy 0 <= min <= max, got {minNuclei} and {maxNuclei}.");
    }
}
