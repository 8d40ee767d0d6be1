namespace Research.Processing.Labels;

/// <summary>Settings of <see cref="WeightMap"/>.</summary>
public sealed record WeightMapOptions
{
    /// <summary>Class weight of background pixels. <value>The default value is 1.</value></summary>
    public double BackgroundWeight { get; init; } = 1.0;

    /// <summary>Class weight of object pixels (c-ResUnet: 1.5). <value>The default value is 1.5.</value></summary>
    public double ForegroundWeight { get; init; } = 1.5;

    /// <summary>Amplitude w0 of the overcrowding term. <value>The default value is 1.</value></summary>
    public double OvercrowdingWeight { get; init; } = 1.0;

    /// <summary>Width sigma of the overcrowding term in pixels (c-ResUnet: 25). <value>The default value is 25.</value></summary>
    public double Sigma { get; init; } = 25.0;
}

/// <summary>
/// Per-pixel loss weights for weighted BCE, after U-Net (Ronneberger et al. 2015, eq. 2) with c-ResUnet's
/// (Morelli et al. 2021) class weights and sigma:
/// <c>w(x) = w_class(x) + w0 * exp(-(d1(x) + d2(x))^2 / (2 sigma^2))</c> on background pixels and
/// <c>w(x) = w_class(x)</c> on object pixels, where d1 and d2 are the Euclidean distances from the pixel centre to the
/// nearest pixel of the nearest and of the second-nearest object. With fewer than two objects the overcrowding term is 0.
/// Background pixels in narrow gaps between objects therefore weigh up to <c>w_class + w0</c>.
/// </summary>
public static class WeightMap
{
    /// <summary>Computes the weight map of an instance label image (costs one distance transform per object).</summary>
    public static float[] Compute(ReadOnlySpan<int> labels, int width, int height, WeightMapOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (d1, d2) = TwoNearest(labels, width, height);
        var weights = new float[labels.Length];
        double twoSigmaSquared = 2 * options.Sigma * options.Sigma;
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] != 0)
            {
                weights[i] = (float)options.ForegroundWeight;
                continue;
            }
            double sum = d1[i] + d2[i];
            double crowd = double.IsFinite(sum) ? options.OvercrowdingWeight * Math.Exp(-sum * sum / twoSigmaSquared) : 0;
            weights[i] = (float)(options.BackgroundWeight + crowd);
        }
        return weights;
    }

    /// <summary>Distances to the nearest and second-nearest object at every pixel (infinity where there are fewer objects).</summary>
    public static (double[] Nearest, double[] Second) TwoNearest(ReadOnlySpan<int> labels, int width, int height)
    {
        var d1 = new double[labels.Length];
        var d2 = new double[labels.Length];
        Array.Fill(d1, double.PositiveInfinity);
        Array.Fill(d2, double.PositiveInfinity);
        var ids = new SortedSet<int>();
        foreach (int label in labels) if (label != 0) ids.Add(label);
        var sites = new bool[labels.Length];
        foreach (int id in ids)
        {
            for (int i = 0; i < labels.Length; i++) sites[i] = labels[i] == id;
            var squared = DistanceTransform.SquaredToNearest(sites, width, height);
            for (int i = 0; i < squared.Length; i++)
            {
                double d = Math.Sqrt(squared[i]);
                if (d < d1[i]) { d2[i] = d1[i]; d1[i] = d; }
                else if (d < d2[i]) d2[i] = d;
            }
        }
        return (d1, d2);
    }
}
