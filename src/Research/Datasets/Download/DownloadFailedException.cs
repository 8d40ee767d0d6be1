namespace Research.Datasets.Download;

/// <summary>
/// A download that could not be completed or verified (no network, the server refused, a digest mismatch). An
/// <see cref="IOException"/>: the command line reports it in one line and exits 1; a partial file is kept for resuming
/// where that is safe.
/// </summary>
public sealed class DownloadFailedException : IOException
{
    /// <summary>Creates the exception with its one-line message.</summary>
    public DownloadFailedException(string message, Exception? inner = null) : base(message, inner) { }

    /// <summary>Creates the exception with a generic message.</summary>
    public DownloadFailedException() : base("The download failed.") { }

    /// <summary>Creates the exception with its one-line message.</summary>
    public DownloadFailedException(string message) : base(message) { }
}
