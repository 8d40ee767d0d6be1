namespace Research.Metrics;

/// <summary>
/// Streaming evaluation: <see cref="Update(LabelPair)"/> per image or batch (for example each validation batch
/// during training), <see cref="Aggregate"/> for the summary so far, <see cref="Reset"/> for the next epoch.
/// Keeps only per-image counts, never the images. Updates from several threads are safe.
/// </summary>
public sealed class Evaluator
{
    private readonly List<ImageMetrics> _images = [];
    private readonly Lock _gate = new();

    /// <summary>Creates an evaluator with <paramref name="options"/> (validated).</summary>
    public Evaluator(EvaluationOptions? options = null)
    {
        Options = options ?? new EvaluationOptions();
        Options.Validate();
    }

    /// <summary>The options in use.</summary>
    public EvaluationOptions Options { get; }

    /// <summary>The per-image results so far, in update order (a copy).</summary>
    public IReadOnlyList<ImageMetrics> Images
    {
        get { lock (_gate) return [.. _images]; }
    }

    /// <summary>Measures one pair and adds it; returns its metrics.</summary>
    public ImageMetrics Update(LabelPair pair)
    {
        var metrics = ImageMetrics.Of(pair, Options);
        lock (_gate) _images.Add(metrics);
        return metrics;
    }

    /// <summary>Measures a batch in parallel (at most <paramref name="parallelism"/> threads; default all cores) and adds it in batch order.</summary>
    public IReadOnlyList<ImageMetrics> Update(IReadOnlyList<LabelPair> batch, int parallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var results = new ImageMetrics[batch.Count];
        try
        {
            Parallel.For(0, batch.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism },
                i => results[i] = ImageMetrics.Of(batch[i], Options));
        }
        catch (AggregateException e)
        {
            // Report the user's mistake (a bad pair) as itself, not wrapped by the parallel loop.
            var first = e.InnerExceptions.FirstOrDefault(x => x is InputException) ?? e.InnerExceptions[0];
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
        }
        lock (_gate) _images.AddRange(results);
        return results;
    }

    /// <summary>The summary over every image added since the last <see cref="Reset"/>.</summary>
    public EvaluationSummary Aggregate()
    {
        lock (_gate) return EvaluationSummary.Of([.. _images], Options);
    }

    /// <summary>Forgets every image.</summary>
    public void Reset()
    {
        lock (_gate) _images.Clear();
    }

    /// <summary>Evaluates <paramref name="pairs"/> at once and returns the per-image results and the summary.</summary>
    public static (IReadOnlyList<ImageMetrics> Images, EvaluationSummary Summary) Evaluate(IReadOnlyList<LabelPair> pairs, EvaluationOptions? options = null)
    {
        var evaluator = new Evaluator(options);
        var images = evaluator.Update(pairs);
        return (images, evaluator.Aggregate());
    }
}
