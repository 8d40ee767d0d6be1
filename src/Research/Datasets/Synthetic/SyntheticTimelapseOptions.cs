namespace Research.Datasets.Synthetic;

/// <summary>
/// Settings of the <c>synthetic-timelapse</c> generator (<see cref="SyntheticTimelapseWriter"/>): one sequence of
/// moving and dividing nuclei. Everything not listed here is drawn from the seeded generator (see
/// <see cref="SyntheticTimelapse"/>).
/// </summary>
public sealed record SyntheticTimelapseOptions
{
    /// <summary>Number of frames, 1 to 10,000. <value>The default value is 16.</value></summary>
    public int Count { get; init; } = 16;

    /// <summary>Width and height of each frame in pixels, at least 32. <value>The default value is 256.</value></summary>
    public int Size { get; init; } = 256;

    /// <summary>The seed: the same seed gives byte-identical files. <value>The default value is 42.</value></summary>
    public ulong Seed { get; init; } = 42;

    /// <summary>Sample depth of the frames (masks are always 16-bit). <value>The default value is <see cref="SampleDepth.Eight"/>.</value></summary>
    public SampleDepth Depth { get; init; } = SampleDepth.Eight;

    /// <summary>Smallest equivalent radius, in pixels, of a nucleus in the first frame and of a daughter at birth. <value>The default value is 6.</value></summary>
    public double MinRadius { get; init; } = 6;

    /// <summary>Largest equivalent radius in pixels; nuclei grow towards it. <value>The default value is 12.</value></summary>
    public double MaxRadius { get; init; } = 12;

    /// <summary>Nuclei in the first frame per 256 x 256 pixels: the lower bound. <value>The default value is 10.</value></summary>
    public int MinNucleiPer256 { get; init; } = 10;

    /// <summary>Nuclei in the first frame per 256 x 256 pixels: the upper bound. <value>The default value is 18.</value></summary>
    public int MaxNucleiPer256 { get; init; } = 18;

    /// <summary>Typical speed of the random walk in pixels per frame. <value>The default value is 1.5.</value></summary>
    public double Speed { get; init; } = 1.5;

    /// <summary>Chance per frame that a nucleus old and large enough divides. <value>The default value is 0.05.</value></summary>
    public double DivisionProbability { get; init; } = 0.05;

    /// <summary>Frames a nucleus lives before it may divide. <value>The default value is 4.</value></summary>
    public int MinCycleFrames { get; init; } = 4;

    /// <summary>Throws an <see cref="InputException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (Count < 1 || Count > 10_000) throw new InputException($"--count must be between 1 and 10000 frames, got {Count}.");
        SyntheticNucleiOptions.ValidateShared(Size, Depth, MinRadius, MaxRadius, MinNucleiPer256, MaxNucleiPer256);
        if (Speed < 0) throw new InputException($"Speed must be zero or positive, got {Speed}.");
        if (DivisionProbability is < 0 or > 1) throw new InputException($"DivisionProbability must be in [0, 1], got {DivisionProbability}.");
        if (MinCycleFrames < 1) throw new InputException($"MinCycleFrames must be at least 1, got {MinCycleFrames}.");
    }
}
