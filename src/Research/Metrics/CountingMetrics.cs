namespace Research.Metrics;

/// <summary>
/// Counting errors over images from (n_true, n_pred) per image: mae = mean |n_pred - n_true|, medae = median of
/// |n_pred - n_true| (mean of the middle two for an even number of images), mpe = 100 x mean of
/// (n_pred - n_true) / n_true over the images with n_true &gt; 0 (0 when there is none). No images: all 0.
/// </summary>
/// <param name="Mae">Mean absolute error.</param>
/// <param name="Medae">Median absolute error.</param>
/// <param name="Mpe">Mean percentage error (signed, in percent).</param>
public sealed record CountingMetrics(double Mae, double Medae, double Mpe)
{
    /// <summary>The errors of the given (true, predicted) counts.</summary>
    public static CountingMetrics Of(IReadOnlyList<(int True, int Predicted)> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Count == 0) return new CountingMetrics(0, 0, 0);
        var errors = counts.Select(c => (double)Math.Abs(c.Predicted - c.True)).Order().ToArray();
        int n = errors.Length;
        double median = n % 2 == 1 ? errors[n / 2] : (errors[n / 2 - 1] + errors[n / 2]) / 2;
        var relative = counts.Where(c => c.True > 0).Select(c => (double)(c.Predicted - c.True) / c.True).ToArray();
        return new CountingMetrics(errors.Average(), median, relative.Length == 0 ? 0 : 100 * relative.Average());
    }
}
