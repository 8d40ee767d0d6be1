using System.Net;
using System.Text;
using Markdig;
using Research.Datasets.Layouts;
using Research.Datasets.Manifests;
using Research.Plots;

namespace Research.Datasheets;

/// <summary>
/// <c>datasheet.html</c>: the same questions, answers and tables as <see cref="MarkdownDatasheet"/>, plus the figures of
/// <see cref="DatasheetFigures"/> and the <see cref="ExampleGrid"/>, in one self-contained page written by
/// <see cref="OfflineHtml"/> (plotly.js inlined once, drawn also when the page loads require.js).
/// </summary>
public static class HtmlDatasheet
{
    /// <summary>The page's blocks.</summary>
    public static IReadOnlyList<ReportBlock> Blocks(DatasetManifest manifest, Composition composition, DateTimeOffset generated, byte[]? examples)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(composition);
        var blocks = new List<ReportBlock> { new TextBlock(MarkdownDatasheet.Header(manifest, composition, generated)) };
        var entries = DatasheetEntry.All(manifest, composition);
        blocks.Add(new TextBlock($"{entries.Count(e => !e.Unanswered)} of {entries.Count} questions answered; {entries.Count(e => e.Unanswered)} not answered (marked below)."));
        if (composition.Measured)
        {
            blocks.Add(new HtmlBlock("<h2>Figures</h2>"));
            blocks.AddRange(DatasheetFigures.All(composition).Select(f => new FigureBlock(f)));
            blocks.AddRange(DatasheetShapeFigures.All(composition).Select(f => new FigureBlock(f)));
            if (examples is not null) blocks.Add(new PictureBlock("Example images with their instance outlines (spread over the modality groups)", examples));
        }
        foreach (DatasheetSection section in Enum.GetValues<DatasheetSection>())
        {
            var html = new StringBuilder();
            html.Append("<h2>").Append((int)section + 1).Append(". ").Append(E(DatasheetSections.Title(section))).Append("</h2>\n");
            foreach (DatasheetEntry entry in entries.Where(e => e.Question.Section == section)) Entry(html, entry);
            blocks.Add(new HtmlBlock(html.ToString()));
        }
        return blocks;
    }

    /// <summary>Writes the page to <paramref name="path"/>; the example grid re-reads up to <paramref name="examples"/> samples.</summary>
    public static void Write(string path, DatasetManifest manifest, Composition composition, DateTimeOffset generated, int examples, LayoutReaders? readers = null)
    {
        ArgumentNullException.ThrowIfNull(composition);
        byte[]? grid = composition.Measured && examples > 0 ? ExampleGrid.Png(manifest, composition, examples, readers ?? new LayoutReaders()) : null;
        OfflineHtml.Write(path, $"Datasheet: {manifest.Name}", Blocks(manifest, composition, generated, grid));
    }

    private static void Entry(StringBuilder html, DatasheetEntry entry)
    {
        DatasheetQuestion q = entry.Question;
        html.Append("<h3>").Append(E(q.Id)).Append(". ").Append(E(q.Text)).Append("</h3>\n<p><em>")
            .Append(q.Kind == AnswerKind.Computed ? "computed from the data" : "people-written").Append("</em></p>\n");
        if (entry.Answers.Count == 0 && q.Kind == AnswerKind.PeopleWritten) html.Append("<p class=\"unanswered\"><strong>").Append(E(ManifestAnswers.NotAnswered)).Append("</strong></p>\n");
        foreach (string answer in entry.Answers) html.Append("<div class=\"answer\">").Append(AnswerHtml(answer)).Append("</div>\n");
        if (entry.NotMeasured) html.Append("<p class=\"unanswered\"><strong>").Append(E(ComputedTables.NotMeasured)).Append("</strong></p>\n");
        foreach (DatasheetTable table in entry.Tables) Table(html, table);
    }

    private static void Table(StringBuilder html, DatasheetTable table)
    {
        html.Append("<table border=\"1\" style=\"border-collapse:collapse;margin:0.5em 0\"><caption><strong>").Append(E(table.Caption)).Append("</strong></caption>\n<tr>");
        foreach (string h in table.Headers) html.Append("<th>").Append(E(h)).Append("</th>");
        html.Append("</tr>\n");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            foreach (string cell in row) html.Append("<td>").Append(E(cell)).Append("</td>");
            html.Append("</tr>\n");
        }
        html.Append("</table>\n");
        if (table.Note.Length > 0) html.Append("<p><small>").Append(E(table.Note)).Append("</small></p>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static readonly Markdig.MarkdownPipeline Answers = new Markdig.MarkdownPipelineBuilder().UsePipeTables().DisableHtml().Build();

    /// <summary>An answer's Markdown (paragraphs, lists, pipe tables, emphasis, code, links) as HTML; raw HTML in it is shown as text.</summary>
    internal static string AnswerHtml(string markdown) => Markdig.Markdown.ToHtml(markdown ?? "", Answers);
}
