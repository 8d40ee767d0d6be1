namespace Research.Datasets.Download;

/// <summary>
/// Downloads one file with SHA-256 verification, resuming an interrupted transfer, and renames it into place only
/// when complete. The implementation lives beside the HTTP and archive code; <c>research datasets fetch</c> uses it
/// for the manifest's direct URLs.
/// </summary>
public interface IDatasetDownloader
{
    /// <summary>
    /// Downloads <paramref name="url"/> to <paramref name="targetFile"/> and returns its SHA-256; throws
    /// <see cref="DownloadFailedException"/> when the digest differs from <paramref name="sha256"/>.
    /// </summary>
    /// <param name="url">The file's URL.</param>
    /// <param name="sha256">Expected hexadecimal SHA-256, or null when none is known (trust on first use: the caller records the result).</param>
    /// <param name="targetFile">Where the finished file goes.</param>
    /// <param name="progress">Receives bytes downloaded so far.</param>
    /// <param name="cancellationToken">Stops the transfer; a partial file is kept for resuming.</param>
    Task<string> DownloadAsync(Uri url, string? sha256, string targetFile, IProgress<long>? progress, CancellationToken cancellationToken);
}
