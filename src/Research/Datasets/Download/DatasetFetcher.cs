using System.Globalization;
using Research.Datasets.Layouts;
using Research.Datasets.Manifests;
using Research.Datasets.Validation;

namespace Research.Datasets.Download;

/// <summary>Options of <see cref="DatasetFetcher.FetchAsync"/>.</summary>
public sealed record FetchOptions
{
    /// <summary>
    /// Expected SHA-256 by download file name (from another machine's <c>ID.fetch.json</c>); the key <c>""</c> stands
    /// for the only download of a manifest with one.
    /// </summary>
    public IReadOnlyDictionary<string, string> ExpectedSha256 { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Called after each durable step (the file downloaded, recorded, unpacked, each entry renamed into place, marked
    /// laid out) with the step's name; the kill-at-every-step test halts the process there.
    /// </summary>
    public Action<string>? AfterStep { get; init; }
}

/// <summary>Bytes of one download so far (<paramref name="Total"/> when the manifest states the size).</summary>
/// <param name="File">The download's file name.</param>
/// <param name="Bytes">Bytes downloaded so far.</param>
/// <param name="Total">Expected size, when known.</param>
public sealed record FetchProgress(string File, long Bytes, long? Total);

/// <summary>What <see cref="DatasetFetcher.FetchAsync"/> did.</summary>
/// <param name="Root">The dataset root (full path).</param>
/// <param name="Record">The fetch record as written to <c>ROOT/ID.fetch.json</c>.</param>
/// <param name="Steps">What was done, one line per step (downloads, trust, layout, content check).</param>
/// <param name="ContentProblems">Files whose SHA-256 differs from the project's digests.</param>
/// <param name="Validation">The validation of the laid-out copy.</param>
public sealed record FetchResult(string Root, FetchRecord Record, IReadOnlyList<string> Steps, IReadOnlyList<DatasetProblem> ContentProblems, DatasetValidation Validation)
{
    /// <summary>True when the content matched and the copy validates.</summary>
    public bool Valid => ContentProblems.Count == 0 && Validation.Valid;
}

/// <summary>
/// <c>research datasets fetch</c>: downloads a manifest's direct files into <c>ROOT/.downloads</c> (resumable), checks
/// them (the manifest's SHA-256, else <c>--expect-sha256</c>, else an earlier record of this root, else trust on first
/// use, recorded and shown), lays them out as the manifest says (<see cref="ArchiveLayout"/>), checks files the project
/// knows (<see cref="ContentDigests"/>) and validates the result. Every step ends with <c>ROOT/ID.fetch.json</c> written
/// atomically, so a run killed at any instant is resumed by running it again.
/// </summary>
public sealed class DatasetFetcher(IDatasetDownloader downloader)
{
    /// <summary>Fetches <paramref name="manifest"/> into the dataset root <paramref name="outDir"/>.</summary>
    public async Task<FetchResult> FetchAsync(DatasetManifest manifest, string outDir, FetchOptions? options, IProgress<FetchProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(outDir);
        options ??= new FetchOptions();
        if (manifest.Obtain.Direct.Count == 0) throw new InputException($"Dataset {manifest.Id} has no direct download; follow its manual steps ('research datasets show {manifest.Id}').");
        CheckExpected(manifest, options);
        string root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outDir));
        string? parent = Path.GetDirectoryName(root);
        if (parent is null || !Directory.Exists(parent)) throw new InputException($"{outDir}: the parent folder {parent} does not exist; create it first or choose another --out.");
        string downloads = Path.Combine(root, ArchiveLayout.DownloadsFolder);
        Directory.CreateDirectory(downloads);
        ArchiveLayout.CleanStaging(downloads);
        string recordPath = FetchRecord.PathFor(root, manifest.Id);
        FetchRecord record = FetchRecord.Load(recordPath, manifest.Id);
        var steps = new List<string>();
        foreach (DirectDownload entry in manifest.Obtain.Direct)
        {
            FetchedFile? previous = record.For(entry.Url);
            FetchedFile file = await Download(manifest, entry, downloads, previous, options, progress, steps, ct).ConfigureAwait(false);
            options.AfterStep?.Invoke($"downloaded {entry.File}");
            record = record.With(file);
            record.Save(recordPath);
            options.AfterStep?.Invoke($"recorded {entry.File}");
            if (file.Unpacked && (entry.To is null or "." || Path.Exists(PathPatterns.Resolve(root, entry.To))))
            {
                steps.Add($"{entry.File}: already laid out ({Path.GetFileName(recordPath)} says so)");
                continue;
            }
            steps.Add(ArchiveLayout.Place(manifest, entry, Path.Combine(downloads, entry.File), root, options.AfterStep));
            record = record.With(file with { Unpacked = true });
            record.Save(recordPath);
            options.AfterStep?.Invoke($"marked {entry.File} laid out");
        }
        var content = ContentDigests.Check(ContentDigests.Of(manifest), root);
        if (content.Checked + content.Absent > 0)
        {
            steps.Add(string.Create(CultureInfo.InvariantCulture,
                $"content: {content.Checked} file(s) checked against the project's SHA-256 list ({content.Problems.Count} differ){(content.Absent > 0 ? $", {content.Absent} listed but not in this download" : "")}"));
        }
        DatasetValidation validation = DatasetValidator.ValidateDataset(manifest, root, new LayoutReaders());
        return new FetchResult(root, record, steps, content.Problems, validation);
    }

    private async Task<FetchedFile> Download(DatasetManifest manifest, DirectDownload entry, string downloads, FetchedFile? previous, FetchOptions options,
        IProgress<FetchProgress>? progress, List<string> steps, CancellationToken ct)
    {
        string? given = options.ExpectedSha256.TryGetValue(entry.File, out var g) ? g
            : manifest.Obtain.Direct.Count == 1 && options.ExpectedSha256.TryGetValue("", out var only) ? only : null;
        (string? expected, FetchTrust trust) = entry.Sha256.Length > 0 ? (entry.Sha256, FetchTrust.Manifest)
            : given is not null ? (given.ToLowerInvariant(), FetchTrust.Expected)
            : previous is not null ? (previous.Sha256, previous.Trust)
            : (null, FetchTrust.FirstUse);
        string target = Path.Combine(downloads, entry.File);
        var bytes = progress is null ? null : new SynchronousProgress<long>(b => progress.Report(new FetchProgress(entry.File, b, entry.Bytes)));
        string sha = await downloader.DownloadAsync(new Uri(entry.Url), expected, target, bytes, ct).ConfigureAwait(false);
        long size = new FileInfo(target).Length;
        if (entry.Bytes is long published && published != size)
        {
            File.Delete(target);
            throw new DownloadFailedException($"{entry.Url}: {size} bytes arrived, the manifest says {published}; the download was deleted. The file may have changed on the server.");
        }
        steps.Add(trust switch
        {
            FetchTrust.Manifest => $"{entry.File}: {size} bytes, SHA-256 {sha} as the manifest says",
            FetchTrust.Expected => $"{entry.File}: {size} bytes, SHA-256 {sha} as --expect-sha256 says",
            _ when previous is not null => $"{entry.File}: {size} bytes, SHA-256 {sha} as recorded by the first download here",
            _ => $"{entry.File}: {size} bytes; no SHA-256 is published, so this first download is trusted: SHA-256 {sha}. "
                 + $"It is recorded in {manifest.Id}.fetch.json; check another machine's download with --expect-sha256 {entry.File}={sha}",
        });
        bool same = previous is not null && previous.Sha256 == sha;
        string date = same ? previous!.Date : DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return new FetchedFile(entry.Url, entry.Page, entry.File, size, sha, trust, date, same && previous!.Unpacked);
    }

    private static void CheckExpected(DatasetManifest manifest, FetchOptions options)
    {
        foreach (var (file, digest) in options.ExpectedSha256)
        {
            if (digest.Length != 64 || !digest.All(Uri.IsHexDigit)) throw new InputException($"--expect-sha256 {file}{(file.Length > 0 ? "=" : "")}{digest}: a SHA-256 is 64 hexadecimal digits.");
            if (file.Length == 0 && manifest.Obtain.Direct.Count != 1)
            {
                throw new InputException($"--expect-sha256: dataset {manifest.Id} has {manifest.Obtain.Direct.Count} downloads; write FILE=DIGEST ({string.Join(", ", manifest.Obtain.Direct.Select(d => d.File))}).");
            }
            DirectDownload? entry = file.Length == 0 ? manifest.Obtain.Direct[0] : manifest.Obtain.Direct.FirstOrDefault(d => d.File == file);
            if (entry is null) throw new InputException($"--expect-sha256 {file}=...: dataset {manifest.Id} downloads no file '{file}'; its files: {string.Join(", ", manifest.Obtain.Direct.Select(d => d.File))}.");
            if (entry.Sha256.Length > 0 && !entry.Sha256.Equals(digest, StringComparison.OrdinalIgnoreCase))
            {
                throw new InputException($"--expect-sha256 for {entry.File} is {digest.ToLowerInvariant()} but the manifest says {entry.Sha256}.");
            }
        }
    }
}
