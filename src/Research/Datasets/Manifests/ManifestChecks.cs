using System.Text.RegularExpressions;

namespace Research.Datasets.Manifests;

/// <summary>Checks of a deserialised manifest that the YAML types alone cannot express; each problem names the file and key.</summary>
internal static partial class ManifestChecks
{
    public static void Check(DatasetManifest m, string file, List<string> problems)
    {
        void Add(string key, string problem) => problems.Add($"{file}: '{key}' {problem}.");

        if (!IdPattern().IsMatch(m.Id)) Add("id", $"'{m.Id}' must be lower-case letters, digits and hyphens");
        string stem = Path.GetFileNameWithoutExtension(file);
        if (file.EndsWith(".yaml", StringComparison.Ordinal) && stem != m.Id) Add("id", $"is '{m.Id}' but the file is named {stem}.yaml; they must agree");
        foreach (var (key, value) in new[] { ("name", m.Name), ("version", m.Version), ("summary", m.Summary), ("organism", m.Organism), ("tissue", m.Tissue), ("licence.terms", m.Licence.Terms) })
        {
            if (string.IsNullOrWhiteSpace(value)) Add(key, "is empty");
        }
        if (m.Tasks.Count == 0) Add("tasks", "lists no task");
        if (m.Citations.Count == 0) Add("citations", "lists no citation");
        if (m.Splits.Count == 0) Add("splits", "lists no split");
        if (m.Obtain.Direct.Count == 0 && m.Obtain.Manual.Count == 0) Add("obtain", "gives neither a direct download nor manual steps");
        foreach (var (key, pattern) in m.Layout.Patterns()) PathProblem(key, pattern, Add);
        for (int i = 0; i < m.Splits.Count; i++)
        {
            if (m.Splits[i].Folder != ".") PathProblem($"splits[{i}].folder", m.Splits[i].Folder, Add);
        }
        for (int i = 0; i < m.Checksums.Count; i++)
        {
            PathProblem($"checksums[{i}].path", m.Checksums[i].Path, Add);
            if (!Sha256Pattern().IsMatch(m.Checksums[i].Sha256)) Add($"checksums[{i}].sha256", "must be 64 lower-case hexadecimal digits");
        }
        for (int i = 0; i < m.Obtain.Direct.Count; i++)
        {
            DirectDownload d = m.Obtain.Direct[i];
            if (!Uri.TryCreate(d.Url, UriKind.Absolute, out Uri? uri) || (uri.Scheme != "https" && uri.Scheme != "http")) Add($"obtain.direct[{i}].url", $"'{d.Url}' is not an http(s) URL");
            if (!Uri.TryCreate(d.Page, UriKind.Absolute, out Uri? page) || (page.Scheme != "https" && page.Scheme != "http")) Add($"obtain.direct[{i}].page", $"'{d.Page}' is not an http(s) URL (the page that documents the download)");
            if (d.Sha256.Length > 0 && !Sha256Pattern().IsMatch(d.Sha256)) Add($"obtain.direct[{i}].sha256", "must be 64 lower-case hexadecimal digits, or be left out when none is published");
            PathProblem($"obtain.direct[{i}].file", d.File, Add);
            if (d.File.Contains('/', StringComparison.Ordinal) || d.File.Contains('\\', StringComparison.Ordinal)) Add($"obtain.direct[{i}].file", "must be a plain file name");
            if (d.From is not null && d.From != ".") PathProblem($"obtain.direct[{i}].from", d.From, Add);
            if (d.To is not null && d.To != ".") PathProblem($"obtain.direct[{i}].to", d.To, Add);
            if (d.RleMasksInto is not null) PathProblem($"obtain.direct[{i}].rle_masks_into", d.RleMasksInto, Add);
            if (d.RleMasksInto is not null && Download.ArchiveLayout.IsArchive(d.File)) Add($"obtain.direct[{i}].rle_masks_into", "applies to an RLE CSV, not to an archive");
        }
        if (m.Obtain.ContentSha256 is { } content) PathProblem("obtain.content_sha256", content, Add);
        if (m.Masks.Threshold is < 1 or > 65535) Add("masks.threshold", $"is {m.Masks.Threshold}; it must be 1 to 65535");
        bool needsMap = m.Masks.Encoding is MaskEncoding.ClassIntensity or MaskEncoding.Binary or MaskEncoding.InstancePerFile;
        if (needsMap && m.Masks.ClassMap.Count == 0) Add("masks.class_map", $"is required for the {KebabCase.Of(m.Masks.Encoding)} encoding (mask value: class name)");
    }

    private static void PathProblem(string key, string pattern, Action<string, string> add)
    {
        string? problem = PathPatterns.Problem(pattern);
        if (problem is not null) add(key, problem);
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Pattern();
}
