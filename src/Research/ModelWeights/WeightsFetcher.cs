using Research.Datasets.Download;

namespace Research.ModelWeights;

/// <summary>What <see cref="WeightsFetcher.FetchAsync"/> did.</summary>
/// <param name="Check">The file in place, checked against the manifest.</param>
/// <param name="Downloaded">False when a verified copy was already there.</param>
public sealed record WeightsFetch(WeightsCheck Check, bool Downloaded);

/// <summary>
/// <c>research models fetch</c>: downloads a model manifest's file into a folder with the datasets' downloader (into
/// <c>FILE.part</c>, resumable, SHA-256 checked before the file is renamed into place; a mismatch deletes the part and
/// leaves nothing under the file's name). A copy already there that matches is kept.
/// </summary>
public sealed class WeightsFetcher(IDatasetDownloader downloader)
{
    /// <summary>Fetches <paramref name="manifest"/>'s file into <paramref name="outDir"/> (created if missing; its parent must exist).</summary>
    public async Task<WeightsFetch> FetchAsync(ModelManifest manifest, string outDir, IProgress<long>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(outDir);
        if (manifest.Sha256.Length == 0) throw new InputException($"{manifest.SourceFile}: no SHA-256 is recorded for {manifest.File}, so a download could not be checked; download it by hand from {manifest.Page}.");
        string dir = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outDir));
        string? parent = Path.GetDirectoryName(dir);
        if (parent is null || !Directory.Exists(parent)) throw new InputException($"{outDir}: the parent folder {parent} does not exist; create it first or choose another --out.");
        Directory.CreateDirectory(dir);
        string target = Path.Combine(dir, manifest.File);
        if (File.Exists(target) && WeightsCheck.Of(target, manifest) is { Valid: true } present) return new WeightsFetch(present, Downloaded: false);
        await downloader.DownloadAsync(new Uri(manifest.Url), manifest.Sha256, target, progress, ct).ConfigureAwait(false);
        var check = WeightsCheck.Of(target, manifest);
        if (!check.Valid)
        {
            File.Delete(target);
            throw new DownloadFailedException($"{manifest.Url}: {string.Join("; ", check.Problems)}; the download was deleted.");
        }
        return new WeightsFetch(check, Downloaded: true);
    }
}
