using Research.Datasets.Manifests;

namespace Research.Datasheets;

/// <summary>
/// One question with what answers it: the manifest's paragraphs (Markdown; empty when unanswered) and, for computed
/// questions, the measured tables (empty with <see cref="NotMeasured"/> true when no data were given).
/// </summary>
/// <param name="Question">The question.</param>
/// <param name="Answers">Paragraphs from the manifest.</param>
/// <param name="Tables">Measured tables.</param>
/// <param name="NotMeasured">True for a computed question when no data were measured.</param>
public sealed record DatasheetEntry(DatasheetQuestion Question, IReadOnlyList<string> Answers, IReadOnlyList<DatasheetTable> Tables, bool NotMeasured)
{
    /// <summary>True when neither the manifest nor a measurement answers the question.</summary>
    public bool Unanswered => Answers.Count == 0 && Tables.Count == 0;

    /// <summary>Every question of the datasheet of <paramref name="manifest"/> with <paramref name="composition"/>, in order.</summary>
    public static IReadOnlyList<DatasheetEntry> All(DatasetManifest manifest, Composition composition)
    {
        ArgumentNullException.ThrowIfNull(composition);
        ManifestAnswers.CheckIds(manifest);
        return [.. DatasheetQuestions.All.Select(q => new DatasheetEntry(q, ManifestAnswers.For(manifest, q),
            [.. q.Tables.SelectMany(t => ComputedTables.For(t, composition))], q.Kind == AnswerKind.Computed && !composition.Measured))];
    }
}
