namespace Research.Datasets.Download;

/// <summary>How <see cref="HttpDatasetDownloader"/> retries an interrupted transfer.</summary>
public sealed record DownloadOptions
{
    /// <summary>Transfers tried per call before giving up; each after the first resumes with an HTTP Range request.</summary>
    /// <value>The default value is 5.</value>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Pause before each retry.</summary>
    /// <value>The default value is 2 seconds.</value>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The default options.</summary>
    public static DownloadOptions Default { get; } = new();

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for a value outside its range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAttempts, 1, nameof(MaxAttempts));
        ArgumentOutOfRangeException.ThrowIfLessThan(RetryDelay, TimeSpan.Zero, nameof(RetryDelay));
    }
}
