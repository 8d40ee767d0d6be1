using Research.Datasheets;

namespace Research.Tests.Datasheets;

public sealed class DatasheetQuestionsTests
{
    [Fact]
    public void Every_question_of_the_paper_is_there_in_seven_sections()
    {
        var all = DatasheetQuestions.All;
        // Gebru et al. 2021: Motivation 3 + comments, Composition 16 + comments, Collection 12 + comments,
        // Preprocessing 3 + comments, Uses 5 + comments, Distribution 6 + comments, Maintenance 7 + comments = 59.
        Assert.Equal(59, all.Count);
        Assert.Equal([4, 17, 13, 4, 6, 7, 8], Enum.GetValues<DatasheetSection>().Select(s => DatasheetQuestions.Of(s).Count()));
        Assert.Equal(all.Count, all.Select(q => q.Id).Distinct().Count());
        foreach (DatasheetSection s in Enum.GetValues<DatasheetSection>()) Assert.Equal("Any other comments?", DatasheetQuestions.Of(s).Last().Text);
        Assert.Contains("funded", DatasheetQuestions.Get("motivation-3").Text, StringComparison.Ordinal);
        Assert.Contains("errors, sources of noise", DatasheetQuestions.Get("composition-9").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Computed_questions_name_their_tables_and_people_written_ones_none()
    {
        foreach (var q in DatasheetQuestions.All) Assert.Equal(q.Kind == AnswerKind.Computed, q.Tables.Count > 0);
        Assert.Equal(["composition-2", "composition-4", "composition-5", "composition-6", "composition-9"],
            DatasheetQuestions.All.Where(q => q.Kind == AnswerKind.Computed).Select(q => q.Id));
    }

    [Fact]
    public void Unknown_id_lists_the_valid_ones()
    {
        var e = Assert.Throws<InputException>(() => DatasheetQuestions.Get("motivation-9"));
        Assert.Contains("motivation-1", e.Message, StringComparison.Ordinal);
    }
}
