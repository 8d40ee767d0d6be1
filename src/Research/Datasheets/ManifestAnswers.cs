using System.Globalization;
using System.Text.RegularExpressions;
using Research.Datasets.Manifests;

namespace Research.Datasheets;

/// <summary>
/// The people-written answers a manifest gives to each question: the question's own entry in
/// <c>datasheet.answers</c> first, then the manifest fields mapped to it (<see cref="DatasheetQuestion.Sources"/>).
/// Empty fields give no answer, so the question shows as not answered.
/// </summary>
public static class ManifestAnswers
{
    /// <summary>What a question shows when the manifest does not answer it.</summary>
    public const string NotAnswered = "Not answered in the manifest.";

    /// <summary>Checks that every key of <c>datasheet.answers</c> is a question id; an unknown one names the manifest and the valid ids.</summary>
    public static void CheckIds(DatasetManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        foreach (string id in manifest.Datasheet.Answers.Keys)
        {
            if (DatasheetQuestions.All.Any(q => q.Id == id)) continue;
            throw new InputException($"{manifest.SourceFile}: datasheet.answers has '{id}', which is not a question id. Valid ids: {string.Join(", ", DatasheetQuestions.All.Select(q => q.Id))}.");
        }
    }

    /// <summary>The answer paragraphs (Markdown) for <paramref name="question"/>; empty when the manifest does not answer it.</summary>
    public static IReadOnlyList<string> For(DatasetManifest manifest, DatasheetQuestion question)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(question);
        var paragraphs = new List<string>();
        if (manifest.Datasheet.Answers.TryGetValue(question.Id, out string? own) && !string.IsNullOrWhiteSpace(own)) paragraphs.Add(own.Trim());
        foreach (ManifestSource source in question.Sources)
        {
            string text = Text(manifest, source).Trim();
            if (text.Length > 0) paragraphs.Add(text);
        }
        return paragraphs;
    }

    /// <summary>The Markdown text of one manifest <paramref name="source"/>.</summary>
    public static string Text(DatasetManifest manifest, ManifestSource source)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var d = manifest.Datasheet;
        return source switch
        {
            ManifestSource.Motivation => d.Motivation,
            ManifestSource.Collection => d.Collection,
            ManifestSource.Preprocessing => d.Preprocessing,
            ManifestSource.Uses => d.Uses,
            ManifestSource.Distribution => d.Distribution,
            ManifestSource.Maintenance => d.Maintenance,
            ManifestSource.Subject => $"{manifest.Summary.Trim()} Modality: {KebabCase.Of(manifest.Modality)}; organism: {Or(manifest.Organism)}; tissue: {Or(manifest.Tissue)}.",
            ManifestSource.Citations => Cited(manifest),
            ManifestSource.Masks => manifest.Masks.Encoding == MaskEncoding.None ? "No masks (labels come from the folder names)."
                : $"Truth: {KebabCase.Of(manifest.Masks.Encoding)} masks ({Or(manifest.Masks.Format)}); class map: {ClassMap(manifest.Masks)}.",
            ManifestSource.Splits => Splits(manifest),
            ManifestSource.Tasks => manifest.Tasks.Count == 0 ? "" : $"Tasks the truth supports: {string.Join(", ", manifest.Tasks.Select(KebabCase.Of))}.",
            ManifestSource.Licence => $"Licence: {manifest.Licence.Display}. {manifest.Licence.Terms}{(manifest.Licence.Url.Length > 0 ? $" ({manifest.Licence.Url})" : "")}",
            ManifestSource.Access => Access(manifest),
            ManifestSource.Version => manifest.Version.Length == 0 ? "" : $"Version described here: {manifest.Version}.",
            _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
        };
    }

    private static string Or(string text) => text.Length > 0 ? text : "not stated";

    private static string ClassMap(MaskSpec masks) => masks.ClassMap.Count == 0 ? "none"
        : string.Join(", ", masks.ClassMap.OrderBy(p => p.Key).Select(p => $"{p.Key} = {p.Value}"));

    private static string Cited(DatasetManifest manifest)
    {
        var lines = manifest.Citations.Select(c =>
        {
            string author = Field(c.Bibtex, "author"), title = Field(c.Bibtex, "title"), year = Field(c.Bibtex, "year");
            return $"- {(author.Length > 0 ? author : "authors not given")}: {(title.Length > 0 ? title : "untitled")}{(year.Length > 0 ? $" ({year})" : "")}{(c.Note.Length > 0 ? $" [{c.Note}]" : "")}";
        }).ToList();
        return lines.Count == 0 ? "" : "As cited:\n" + string.Join('\n', lines);
    }

    private static string Field(string bibtex, string name)
    {
        Match m = Regex.Match(bibtex, $@"\b{name}\s*=\s*[{{""](?<v>.*?)[}}""]\s*,?\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase);
        return m.Success ? m.Groups["v"].Value.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal).Trim() : "";
    }

    private static string Splits(DatasetManifest manifest)
    {
        if (manifest.Splits.Count == 0) return "";
        var c = CultureInfo.InvariantCulture;
        var rows = manifest.Splits.Select(s => string.Format(c, "| {0} | {1} | {2} | {3} | {4} |", s.Name, s.Folder,
            s.Images?.ToString(c) ?? "not stated", s.Objects?.ToString(c) ?? "not stated", s.Annotated ? "yes" : "no"));
        return "Splits in the manifest (expected counts):\n\n| split | folder | images | objects | truth distributed |\n|---|---|---|---|---|\n" + string.Join('\n', rows);
    }

    private static string Access(DatasetManifest manifest)
    {
        var parts = new List<string> { $"Home page: {manifest.Homepage}." };
        if (manifest.Sources.Count > 0) parts.Add($"Other sources: {string.Join(", ", manifest.Sources)}.");
        if (manifest.Obtain.Direct.Count > 0) parts.Add($"Direct downloads: {string.Join(", ", manifest.Obtain.Direct.Select(d => d.Url))}.");
        if (manifest.Obtain.Manual.Count > 0) parts.Add("To obtain it: " + string.Join(" ", manifest.Obtain.Manual.Select((s, i) => $"({i + 1}) {s}")));
        return string.Join(' ', parts);
    }
}
