using System.Globalization;
using System.Text;
using Research.Datasets.Manifests;

namespace Research.Datasheets;

/// <summary>
/// <c>datasheet.md</c>: a heading per section, every question with its id and who answers it, the manifest's answers
/// (or "Not answered in the manifest."), and the measured tables (or "Not measured: data not available locally.").
/// </summary>
public static class MarkdownDatasheet
{
    /// <summary>The Markdown of the datasheet.</summary>
    public static string Render(DatasetManifest manifest, Composition composition, DateTimeOffset generated)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(composition);
        var md = new StringBuilder();
        md.Append("# Datasheet: ").Append(manifest.Name).Append("\n\n");
        md.Append(Header(manifest, composition, generated)).Append("\n\n");
        var entries = DatasheetEntry.All(manifest, composition);
        md.Append(CultureInfo.InvariantCulture, $"{entries.Count(e => !e.Unanswered)} of {entries.Count} questions answered; {entries.Count(e => e.Unanswered)} not answered (marked below).\n\n");
        foreach (DatasheetSection section in Enum.GetValues<DatasheetSection>())
        {
            md.Append(CultureInfo.InvariantCulture, $"## {(int)section + 1}. {DatasheetSections.Title(section)}\n\n");
            foreach (DatasheetEntry entry in entries.Where(e => e.Question.Section == section)) Entry(md, entry);
        }
        return md.ToString();
    }

    /// <summary>The lines under the title: dataset id, version, licence, and what was measured.</summary>
    public static string Header(DatasetManifest manifest, Composition composition, DateTimeOffset generated)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(composition);
        string measured = composition.Measured
            ? $"Computed parts measured from {Research.IO.OutputFolder.FinalPath(composition.Root)} ({composition.Rows.Count} images; splits {string.Join(", ", composition.Splits.Select(s => s.Name))})."
            : $"Computed parts: {ComputedTables.NotMeasured}";
        return $"Dataset `{manifest.Id}`, version {manifest.Version}; licence {manifest.Licence.Display}; home page {manifest.Homepage}. " +
               $"Written by `research datasheet` on {generated.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} from {Path.GetFileName(manifest.SourceFile)}. {measured} " +
               "Questions from Gebru et al., \"Datasheets for Datasets\" (CACM 2021).";
    }

    private static void Entry(StringBuilder md, DatasheetEntry entry)
    {
        DatasheetQuestion q = entry.Question;
        string who = q.Kind == AnswerKind.Computed ? "computed from the data" : "people-written";
        md.Append(CultureInfo.InvariantCulture, $"### {q.Id}. {q.Text}\n\n*{who}*\n\n");
        if (entry.Answers.Count == 0 && q.Kind == AnswerKind.PeopleWritten) md.Append("**").Append(ManifestAnswers.NotAnswered).Append("**\n\n");
        foreach (string answer in entry.Answers) md.Append(answer).Append("\n\n");
        if (entry.NotMeasured) md.Append("**").Append(ComputedTables.NotMeasured).Append("**\n\n");
        foreach (DatasheetTable table in entry.Tables) Table(md, table);
    }

    /// <summary>Appends <paramref name="table"/> as a Markdown table with a bold caption and its note.</summary>
    public static void Table(StringBuilder md, DatasheetTable table)
    {
        ArgumentNullException.ThrowIfNull(md);
        ArgumentNullException.ThrowIfNull(table);
        md.Append("**").Append(table.Caption).Append("**\n\n");
        md.Append("| ").Append(string.Join(" | ", table.Headers.Select(Cell))).Append(" |\n");
        md.Append('|').Append(string.Concat(table.Headers.Select(_ => "---|"))).Append('\n');
        foreach (var row in table.Rows) md.Append("| ").Append(string.Join(" | ", row.Select(Cell))).Append(" |\n");
        if (table.Rows.Count == 0) md.Append("| ").Append(string.Join(" | ", table.Headers.Select((_, i) => i == 0 ? "(none)" : ""))).Append(" |\n");
        md.Append('\n');
        if (table.Note.Length > 0) md.Append(table.Note).Append("\n\n");
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ');
}
