namespace Research.Encodings;

/// <summary>
/// One run of a Kaggle run-length encoding: <see cref="Length"/> consecutive foreground pixels starting at the
/// 1-based pixel number <see cref="Start"/>, pixels numbered top to bottom, then left to right (column-major:
/// pixel (x, y) of an image <c>H</c> pixels high is number <c>x * H + y + 1</c>).
/// </summary>
/// <param name="Start">The first pixel's 1-based column-major number.</param>
/// <param name="Length">How many pixels the run covers (at least 1).</param>
public readonly record struct RleRun(int Start, int Length)
{
    /// <summary>The 1-based number of the run's last pixel.</summary>
    public int End => Start + Length - 1;
}
