using Research.Processing.Labels;

namespace Research.Metrics;

/// <summary>What an evaluation computes and with which parameters.</summary>
public sealed record EvaluationOptions
{
    /// <summary>
    /// IoU thresholds of the one-to-one matching reported under <c>matching</c> (keys written with the invariant
    /// culture's shortest form: "0.5", "0.75").
    /// <value>The default value is [0.5, 0.75].</value>
    /// </summary>
    public IReadOnlyList<double> Taus { get; init; } = [0.5, 0.75];

    /// <summary>Radius of the centroid detection, in pixels. <value>The default value is 50.</value></summary>
    public double CentroidRadius { get; init; } = CentroidDetection.DefaultRadius;

    /// <summary>Tolerance of the normalised surface Dice, in pixels. <value>The default value is 2.</value></summary>
    public double BoundaryTolerance { get; init; } = BoundaryMetrics.DefaultTolerance;

    /// <summary>
    /// Whether to compute the boundary metrics (a distance transform per image; the slowest part).
    /// <value>The default value is true.</value>
    /// </summary>
    public bool Boundary { get; init; } = true;

    /// <summary>
    /// When set, both label images are treated as binary masks (label &gt; 0) and split into objects by connected
    /// components with this connectivity; when null, labels are taken as instance ids as they are.
    /// <value>The default value is null (labels are instances).</value>
    /// </summary>
    public Connectivity? BinaryComponents { get; init; }

    /// <summary>
    /// What to do with a prediction whose size differs from its truth.
    /// <value>The default value is <see cref="Evaluation.PredictionResize.None"/> (an error naming both files).</value>
    /// </summary>
    public Evaluation.PredictionResize ResizePredictions { get; init; } = Evaluation.PredictionResize.None;

    /// <summary>Throws <see cref="InputException"/> for an invalid setting.</summary>
    public void Validate()
    {
        if (Taus.Count == 0) throw new InputException("--tau: give at least one IoU threshold.");
        foreach (double tau in Taus)
        {
            if (!(tau >= 0 && tau < 1)) throw new InputException($"--tau: {tau.ToString(System.Globalization.CultureInfo.InvariantCulture)} is not an IoU threshold in [0, 1).");
        }
        if (!(CentroidRadius > 0)) throw new InputException("The centroid radius must be positive.");
        if (!(BoundaryTolerance >= 0)) throw new InputException("The boundary tolerance must be zero or positive.");
    }

    /// <summary>The JSON key of a threshold: the shortest round-trip invariant form ("0.5", "0.75").</summary>
    public static string TauKey(double tau) => tau.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
