namespace Research.Datasets.Download;

/// <summary>Downloads one file of a dataset and verifies it before it appears under its final name.</summary>
public interface IDatasetDownloader
{
    /// <summary>
    /// Downloads <paramref name="url"/> to <paramref name="targetFile"/>, which appears only once its SHA-256 equals
    /// <paramref name="sha256"/> (64 hex digits). <paramref name="progress"/> receives the bytes held so far.
    /// </summary>
    Task DownloadAsync(Uri url, string sha256, string targetFile, IProgress<long>? progress, CancellationToken ct);
}
