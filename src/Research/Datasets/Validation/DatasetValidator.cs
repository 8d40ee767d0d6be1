using System.Diagnostics;
using Research.Datasets.Layouts;
using Research.Datasets.Locations;
using Research.Datasets.Manifests;
using Research.IO;

namespace Research.Datasets.Validation;

/// <summary>Options of <see cref="DatasetValidator.Validate"/>.</summary>
public sealed record ValidationOptions
{
    /// <summary>The manifest split to compare counts with; null picks the split whose folder name equals the root's, or the only split.</summary>
    /// <value>The default value is null.</value>
    public string? Split { get; init; }

    /// <summary>Samples checked at once.</summary>
    /// <value>The default value is <see cref="Environment.ProcessorCount"/>.</value>
    public int Parallelism { get; init; } = Environment.ProcessorCount;
}

/// <summary>
/// Checks a local copy against its manifest and collects every problem (never stops at the first): structure (every
/// image has its masks, no orphan masks), pixels (see <see cref="SampleChecks"/>), counts against the manifest split,
/// and the SHA-256 of files the manifest lists. Finding no image at all is a problem that says what was looked for and
/// names nearby folders where the dataset is. Samples are checked in parallel.
/// </summary>
public static class DatasetValidator
{
    /// <summary>
    /// Validates the dataset at <paramref name="root"/> (its root; see <see cref="SplitLocator"/>): the split named in
    /// <paramref name="options"/>, else every split found under the root (or the split whose own folder the root is).
    /// </summary>
    public static DatasetValidation ValidateDataset(DatasetManifest manifest, string root, LayoutReaders readers, ValidationOptions? options = null, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        options ??= new ValidationOptions();
        var found = SplitLocator.Find(manifest, root, options.Split);
        string full = Path.GetFullPath(root);
        var notes = found.Where(f => f.Note is not null).Select(f => f.Note!).ToList();
        if (found.Count == 0)
        {
            string message = $"no split of {manifest.Id} found: looked for {SplitLocator.Folders(manifest)} under it{NearbyFolders.Hint(manifest, full)}; --root is the dataset's root";
            return new DatasetValidation(manifest.Id, full, [], notes, [new DatasetProblem(ProblemKind.NothingFound, full, message)]);
        }
        if (options.Split is null && found.Count < manifest.Splits.Count && found.All(f => f.Note is null))
        {
            var absent = manifest.Splits.Where(s => found.All(f => f.Split.Name != s.Name)).Select(s => $"{s.Name} ({s.Folder})");
            notes.Add($"not present under {full}, not checked: {string.Join(", ", absent)}");
        }
        int before = 0;
        var reports = new List<ValidationReport>();
        foreach (SplitLocation split in found)
        {
            int offset = before;
            reports.Add(ValidateSplit(manifest, split.Split, split.Folder, readers, options, progress is null ? null : new SynchronousProgress<int>(n => progress.Report(offset + n))));
            before += reports[^1].Images;
        }
        return new DatasetValidation(manifest.Id, full, reports, notes, []);
    }

    /// <summary>
    /// Validates one split at <paramref name="root"/> (the dataset root or the split's own folder): the split named in
    /// <paramref name="options"/>, else the one found there; several splits found is an <see cref="InputException"/>.
    /// </summary>
    public static ValidationReport Validate(DatasetManifest manifest, string root, LayoutReaders readers, ValidationOptions? options = null, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        options ??= new ValidationOptions();
        var found = SplitLocator.Find(manifest, root, options.Split);
        if (found.Count > 1) throw new InputException($"{root} holds several splits of dataset {manifest.Id} ({string.Join(", ", found.Select(f => f.Split.Name))}); choose one with --split NAME.");
        return found.Count == 1
            ? ValidateSplit(manifest, found[0].Split, found[0].Folder, readers, options, progress)
            : ValidateSplit(manifest, null, Path.GetFullPath(root), readers, options, progress);
    }

    /// <summary>Validates the folder <paramref name="folder"/> as split <paramref name="split"/> (null: no count comparison).</summary>
    public static ValidationReport ValidateSplit(DatasetManifest manifest, SplitSpec? split, string folder, LayoutReaders readers, ValidationOptions? options = null, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(readers);
        options ??= new ValidationOptions();
        var clock = Stopwatch.StartNew();
        string root = Path.GetFullPath(folder);
        if (!Directory.Exists(root))
        {
            string missing = $"split {split?.Name}: its folder does not exist; looked for {NearbyFolders.LookedFor(manifest)} in {root}{NearbyFolders.Hint(manifest, root)}";
            return new ValidationReport(manifest.Id, root, split?.Name, 0, 0, 0, 0, 0, [new DatasetProblem(ProblemKind.NothingFound, root, missing)], clock.Elapsed.TotalSeconds);
        }
        LayoutScan scan = readers.Scan(manifest, root);
        var results = new SampleResult[scan.Samples.Count];
        int done = 0;
        Parallel.For(0, scan.Samples.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism) }, i =>
        {
            results[i] = SampleChecks.Check(scan.Samples[i], manifest.Masks);
            progress?.Report(Interlocked.Increment(ref done));
        });
        var problems = new List<DatasetProblem>(scan.Problems);
        if (scan.Samples.Count == 0)
        {
            problems.Add(new DatasetProblem(ProblemKind.NothingFound, root, $"no image found: looked for {NearbyFolders.LookedFor(manifest)}{NearbyFolders.Hint(manifest, root)}"));
        }
        foreach (SampleResult r in results) problems.AddRange(r.Problems);
        var annotated = scan.Samples.Select((s, i) => (s, r: results[i])).Where(p => p.s.Truth != TruthKind.None).ToList();
        int objects = results.Sum(r => r.Objects);
        // A split declared without truth but with a count of negatives (BH2019's blank images: no masks, no nuclei)
        // counts its images without a mask as negatives.
        int negatives = annotated.Count(p => p.r.Negative)
            + (split is { Annotated: false, Negatives: not null } ? scan.Samples.Count(s => s.Truth == TruthKind.None) : 0);
        if (split is not null && scan.Samples.Count > 0) CompareCounts(split, root, scan.Samples.Count, objects, negatives, problems);
        CheckSums(manifest, root, problems);
        problems.Sort((a, b) => a.Kind != b.Kind ? a.Kind.CompareTo(b.Kind) : string.CompareOrdinal(a.Path, b.Path));
        return new ValidationReport(manifest.Id, root, split?.Name, scan.Samples.Count, annotated.Count,
            results.Sum(r => r.MaskFiles), objects, negatives, problems, clock.Elapsed.TotalSeconds);
    }

    /// <summary>The split named <paramref name="name"/>, else the one whose own folder the root is, else the only one; null when none fits.</summary>
    public static SplitSpec? SelectSplit(DatasetManifest manifest, string root, string? name)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        if (name is not null) return SplitLocator.Named(manifest, name);
        var found = SplitLocator.Find(manifest, root, null);
        return found.Count == 1 ? found[0].Split : manifest.Splits.Count == 1 ? manifest.Splits[0] : null;
    }

    private static void CompareCounts(SplitSpec split, string root, int images, int objects, int negatives, List<DatasetProblem> problems)
    {
        void Compare(string what, int? expected, int found)
        {
            if (expected is int e && e != found) problems.Add(new DatasetProblem(ProblemKind.CountMismatch, root, $"split {split.Name}: the manifest expects {e} {what}, found {found}"));
        }
        Compare("images", split.Images, images);
        Compare("objects", split.Objects, objects);
        Compare("negative images", split.Negatives, negatives);
    }

    private static void CheckSums(DatasetManifest manifest, string root, List<DatasetProblem> problems)
    {
        foreach (FileChecksum sum in manifest.Checksums)
        {
            string path = PathPatterns.Resolve(root, sum.Path);
            if (!File.Exists(path)) problems.Add(new DatasetProblem(ProblemKind.ChecksumMismatch, path, "listed with a checksum in the manifest but missing"));
            else if (FileHash.Sha256(path) is var actual && actual != sum.Sha256) problems.Add(new DatasetProblem(ProblemKind.ChecksumMismatch, path, $"SHA-256 is {actual}, the manifest says {sum.Sha256}"));
        }
    }
}
