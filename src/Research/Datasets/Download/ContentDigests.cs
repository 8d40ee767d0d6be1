using System.Globalization;
using Research.Datasets.Manifests;
using Research.Datasets.Validation;
using Research.IO;

namespace Research.Datasets.Download;

/// <summary>
/// Per-file SHA-256 digests the project knows for a dataset (<c>obtain.content_sha256</c>: a <c>sha256sum</c>-format
/// file beside the manifest, paths relative to the dataset root), checked against the files found in a copy.
/// </summary>
public static class ContentDigests
{
    /// <summary>The digests of <paramref name="manifest"/> (path to digest), or empty when it lists none.</summary>
    public static IReadOnlyDictionary<string, string> Of(DatasetManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        if (manifest.Obtain.ContentSha256 is not { } name) return new Dictionary<string, string>();
        string file = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(manifest.SourceFile)) ?? ".", name);
        if (!File.Exists(file)) throw new InputException($"{manifest.SourceFile}: obtain.content_sha256 names {file}, which does not exist.");
        var digests = new Dictionary<string, string>(StringComparer.Ordinal);
        int line = 0;
        foreach (string text in File.ReadLines(file))
        {
            line++;
            if (text.Length == 0 || text.StartsWith('#')) continue;
            if (text.Length < 67 || text[64] != ' ' || !text[..64].All(Uri.IsHexDigit))
            {
                throw new InputException($"{file}, line {line.ToString(CultureInfo.InvariantCulture)}: expected '<64 hex digits>  <path>' (sha256sum format).");
            }
            digests[text[66..].TrimStart('*')] = text[..64].ToLowerInvariant();
        }
        return digests;
    }

    /// <summary>Checks every listed file present under <paramref name="root"/>; returns the number checked and the mismatches.</summary>
    public static (int Checked, int Absent, IReadOnlyList<DatasetProblem> Problems) Check(IReadOnlyDictionary<string, string> digests, string root)
    {
        ArgumentNullException.ThrowIfNull(digests);
        var problems = new List<DatasetProblem>();
        int checkedFiles = 0, absent = 0;
        foreach (var (relative, expected) in digests.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            string path = PathPatterns.Resolve(root, relative);
            if (!File.Exists(path))
            {
                absent++;
                continue;
            }
            checkedFiles++;
            string actual = FileHash.Sha256(path);
            if (actual != expected) problems.Add(new DatasetProblem(ProblemKind.ChecksumMismatch, path, $"SHA-256 is {actual}; the project's copy has {expected}"));
        }
        return (checkedFiles, absent, problems);
    }
}
