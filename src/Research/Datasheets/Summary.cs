namespace Research.Datasheets;

/// <summary>Minimum, median, mean and maximum of a list of numbers (all null when the list is empty). The median of an even count is the mean of the two middle values.</summary>
/// <param name="Min">Smallest value.</param>
/// <param name="Median">Median.</param>
/// <param name="Mean">Mean.</param>
/// <param name="Max">Largest value.</param>
public sealed record Summary(double? Min, double? Median, double? Mean, double? Max)
{
    /// <summary>The summary of <paramref name="values"/>.</summary>
    public static Summary Of(IEnumerable<double> values)
    {
        double[] sorted = [.. values];
        if (sorted.Length == 0) return new Summary(null, null, null, null);
        Array.Sort(sorted);
        int n = sorted.Length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Summary(sorted[0], median, sorted.Average(), sorted[^1]);
    }
}
