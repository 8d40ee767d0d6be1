using System.Diagnostics;
using Research.Datasets.Layouts;
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
/// Checks a local copy of one split against its manifest and collects every problem (never stops at the first):
/// structure (every image has its masks, no orphan masks), pixels (see <see cref="SampleChecks"/>), counts against
/// the manifest split, and the SHA-256 of files the manifest lists. Samples are checked in parallel.
/// </summary>
public static class DatasetValidator
{
    /// <summary>Validates <paramref name="root"/>; <paramref name="progress"/> receives the number of samples checked.</summary>
    public static ValidationReport Validate(DatasetManifest manifest, string root, LayoutReaders readers, ValidationOptions? options = null, IProgress<int>? progress = null)
    {
        options ??= new ValidationOptions();
        var clock = Stopwatch.StartNew();
        if (!Directory.Exists(root)) throw new InputException($"{root}: the folder given as --root does not exist.");
        SplitSpec? split = SelectSplit(manifest, root, options.Split);
        LayoutScan scan = readers.Scan(manifest, root);
        var results = new SampleResult[scan.Samples.Count];
        int done = 0;
        Parallel.For(0, scan.Samples.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism) }, i =>
        {
            results[i] = SampleChecks.Check(scan.Samples[i], manifest.Masks);
            progress?.Report(Interlocked.Increment(ref done));
        });
        var problems = new List<DatasetProblem>(scan.Problems);
        foreach (SampleResult r in results) problems.AddRange(r.Problems);
        var annotated = scan.Samples.Select((s, i) => (s, r: results[i])).Where(p => p.s.Truth != TruthKind.None).ToList();
        int objects = results.Sum(r => r.Objects);
        // A split declared without truth but with a count of negatives (BH2019's blank images: no masks, no nuclei)
        // counts its images without a mask as negatives.
        int negatives = annotated.Count(p => p.r.Negative)
            + (split is { Annotated: false, Negatives: not null } ? scan.Samples.Count(s => s.Truth == TruthKind.None) : 0);
        if (split is not null) CompareCounts(split, root, scan.Samples.Count, objects, negatives, problems);
        CheckSums(manifest, root, problems);
        problems.Sort((a, b) => a.Kind != b.Kind ? a.Kind.CompareTo(b.Kind) : string.CompareOrdinal(a.Path, b.Path));
        return new ValidationReport(manifest.Id, Path.GetFullPath(root), split?.Name, scan.Samples.Count, annotated.Count,
            results.Sum(r => r.MaskFiles), objects, negatives, problems, clock.Elapsed.TotalSeconds);
    }

    /// <summary>The split named <paramref name="name"/>, else the one whose folder name equals the root's, else the only one; null when none fits.</summary>
    public static SplitSpec? SelectSplit(DatasetManifest manifest, string root, string? name)
    {
        if (name is not null)
        {
            return manifest.Splits.FirstOrDefault(s => s.Name == name)
                ?? throw new InputException($"Dataset {manifest.Id} has no split '{name}'. Its splits: {string.Join(", ", manifest.Splits.Select(s => s.Name))}.");
        }
        string folder = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)));
        return manifest.Splits.FirstOrDefault(s => Path.GetFileName(Path.TrimEndingDirectorySeparator(s.Folder)) == folder)
            ?? (manifest.Splits.Count == 1 ? manifest.Splits[0] : null);
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
