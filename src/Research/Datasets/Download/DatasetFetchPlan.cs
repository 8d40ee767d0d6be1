using Research.Datasets.Manifests;

namespace Research.Datasets.Download;

/// <summary>What <c>fetch</c> can do for a dataset: the direct downloads (with their target paths) and the manual steps.</summary>
/// <param name="Downloads">Direct URLs, SHA-256 and target file under the output folder.</param>
/// <param name="ManualSteps">Steps a person must take (log in, accept terms, fill in a form).</param>
public sealed record DatasetFetchPlan(IReadOnlyList<(Uri Url, string Sha256, string Target)> Downloads, IReadOnlyList<string> ManualSteps)
{
    /// <summary>The plan for <paramref name="manifest"/> into <paramref name="outDir"/>.</summary>
    public static DatasetFetchPlan For(DatasetManifest manifest, string outDir) => new(
        [.. manifest.Obtain.Direct.Select(d => (new Uri(d.Url), d.Sha256, PathPatterns.Resolve(outDir, d.File)))],
        manifest.Obtain.Manual);

    /// <summary>Runs the direct downloads with <paramref name="downloader"/>, one after another.</summary>
    public async Task DownloadAllAsync(IDatasetDownloader downloader, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        foreach (var (url, sha256, target) in Downloads)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await downloader.DownloadAsync(url, sha256, target, progress, cancellationToken).ConfigureAwait(false);
        }
    }
}
