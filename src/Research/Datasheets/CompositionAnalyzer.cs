using System.Collections.Concurrent;
using System.Diagnostics;
using Research.Datasets.Layouts;
using Research.Datasets.Locations;
using Research.Datasets.Manifests;
using Research.Datasets.Validation;
using Research.IO;

namespace Research.Datasheets;

/// <summary>
/// Measures a local copy of a dataset in any layout: lists each split with the layout reader, measures its samples in
/// parallel (<see cref="SampleMeasurer"/>; one histogram accumulator per worker, merged at the end, so memory stays
/// bounded), hashes the truth files read through the reader, and finds duplicate images by pixel hash.
/// </summary>
public static class CompositionAnalyzer
{
    /// <summary>Measures <paramref name="root"/> (a dataset root or one split's folder); <paramref name="progress"/> receives samples done.</summary>
    public static Composition Analyze(DatasetManifest manifest, string root, LayoutReaders readers, CompositionOptions? options = null, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(readers);
        options ??= new CompositionOptions();
        var clock = Stopwatch.StartNew();
        if (!Directory.Exists(root)) throw new InputException($"{root}: the folder given as --root does not exist.");
        string fullRoot = Path.GetFullPath(root);
        var totals = new CompositionAccumulator();
        var rows = new List<ImageRow>();
        var objects = new List<ObjectShape>();
        var problems = new List<DatasetProblem>();
        var hashes = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var splits = new List<SplitCount>();
        int done = 0;
        foreach (var (name, folder) in SplitFolders(manifest, fullRoot, options.Split))
        {
            LayoutScan scan = readers.Scan(manifest, folder);
            if (scan.Samples.Count == 0)
            {
                throw new InputException($"{folder}: no {KebabCase.Of(manifest.Layout.Kind)} samples found for dataset {manifest.Id}{Listing(scan)}; check that --root is the dataset root or a split folder.");
            }
            problems.AddRange(scan.Problems);
            var results = new SampleMeasurement[scan.Samples.Count];
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism) };
            Parallel.For(0, results.Length, parallel, () => new CompositionAccumulator(), (i, _, local) =>
            {
                results[i] = SampleMeasurer.Measure(scan.Samples[i], name, fullRoot, local);
                progress?.Report(Interlocked.Increment(ref done));
                return local;
            }, local => { lock (totals) totals.Add(local); });
            foreach (SampleMeasurement r in results)
            {
                rows.Add(r.Row);
                objects.AddRange(r.Truth.Objects);
                problems.AddRange(r.Problems);
                foreach (var (path, sha) in r.Truth.Hashes) hashes[Relative(fullRoot, path)] = sha;
                if (r.Row.Sha256.Length > 0) hashes[r.Row.File] = r.Row.Sha256;
            }
            HashReaderFiles(scan, fullRoot, hashes, parallel);
            splits.Add(new SplitCount(name, Relative(fullRoot, folder), results.Length, results.Count(r => r.Row.HasTruth), results.Sum(r => r.Row.Objects)));
        }
        var duplicates = Duplicates(rows, problems);
        problems.Sort((a, b) => a.Kind != b.Kind ? a.Kind.CompareTo(b.Kind) : string.CompareOrdinal(a.Path, b.Path));
        return new Composition
        {
            Measured = true,
            Root = fullRoot,
            Splits = splits,
            Rows = rows,
            Objects = objects,
            Totals = totals,
            Problems = problems,
            Hashes = new SortedDictionary<string, string>(hashes, StringComparer.Ordinal),
            DuplicateGroups = duplicates,
            Seconds = clock.Elapsed.TotalSeconds,
        };
    }

    /// <summary>
    /// The (split name, folder) pairs to measure, <c>--root</c> being the dataset's root (see <see cref="SplitLocator"/>):
    /// the named split; without a name, the split whose own folder the root is, else every annotated split found under
    /// the root. None found is an <see cref="InputException"/> that names nearby folders where the dataset is.
    /// </summary>
    public static IReadOnlyList<(string Name, string Folder)> SplitFolders(DatasetManifest manifest, string root, string? split)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var found = SplitLocator.Find(manifest, root, split).Where(s => split is not null || s.Split.Annotated || s.Note is not null).ToList();
        if (found.Count == 0)
        {
            throw new InputException($"{root}: no split of dataset {manifest.Id} found (looked for {SplitLocator.Folders(manifest, annotatedOnly: true)} under it){NearbyFolders.Hint(manifest, root)}; --root is the dataset's root.");
        }
        return [.. found.Select(s => (s.Split.Name, s.Folder))];
    }

    private static string Listing(LayoutScan scan) =>
        scan.Problems.Count == 0 ? "" : $" ({scan.Problems.Count} problem(s), first: {scan.Problems[0].Path}: {scan.Problems[0].Message})";

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    private static void HashReaderFiles(LayoutScan scan, string root, ConcurrentDictionary<string, string> hashes, ParallelOptions parallel)
    {
        var pending = scan.Samples.Where(s => s.Truth is not (TruthKind.None or TruthKind.ObjectMasks))
            .SelectMany(s => s.MaskPaths).Distinct(StringComparer.Ordinal).Where(File.Exists).ToList();
        Parallel.ForEach(pending, parallel, path =>
        {
            try { hashes[Relative(root, path)] = FileHash.Sha256(path); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* reported as unreadable by the measurement */ }
        });
    }

    private static List<IReadOnlyList<string>> Duplicates(List<ImageRow> rows, List<DatasetProblem> problems)
    {
        var groups = rows.Where(r => r.PixelHash.Length > 0).GroupBy(r => r.PixelHash)
            .Where(g => g.Count() > 1)
            .Select(g => (IReadOnlyList<string>)[.. g.Select(r => $"{r.Split}/{r.Id}").Order(StringComparer.Ordinal)])
            .OrderBy(g => g[0], StringComparer.Ordinal).ToList();
        foreach (var group in groups)
        {
            foreach (string id in group.Skip(1)) problems.Add(new DatasetProblem(ProblemKind.DuplicateImage, id, $"has the same pixels as {group[0]}"));
        }
        return groups;
    }
}
