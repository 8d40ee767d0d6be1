namespace Research.Metrics;

/// <summary>
/// The one rule for a score whose denominator is zero, used by every metric here: when there was nothing to find
/// and nothing was predicted (the comparison is empty) the score is 1 (a perfect, if trivial, result); when the
/// denominator is zero for any other reason the score is 0.
/// </summary>
public static class Ratio
{
    /// <summary><paramref name="numerator"/> / <paramref name="denominator"/>, or the empty rule when the denominator is 0.</summary>
    public static double Of(double numerator, double denominator, bool empty) =>
        denominator != 0 ? numerator / denominator : empty ? 1.0 : 0.0;
}
