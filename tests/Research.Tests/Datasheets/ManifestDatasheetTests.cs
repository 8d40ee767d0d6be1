using Research.Datasets.Manifests;
using Research.Datasheets;

namespace Research.Tests.Datasheets;

/// <summary>Every manifest renders a complete datasheet without data: all 59 questions, unanswered ones marked.</summary>
public sealed class ManifestDatasheetTests
{
    private static readonly ManifestRegistry Registry = ManifestRegistry.Load(TestSupport.Repository.PathOf("data-manifests"));

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var m in ManifestRegistry.Load(TestSupport.Repository.PathOf("data-manifests")).All) data.Add(m.Id);
        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Renders_every_question(string id)
    {
        DatasetManifest manifest = Registry.Get(id);
        string md = MarkdownDatasheet.Render(manifest, Composition.NotMeasured, new DateTimeOffset(2025, 1, 2, 0, 0, 0, TimeSpan.Zero));
        foreach (var q in DatasheetQuestions.All) Assert.Contains($"### {q.Id}. ", md, StringComparison.Ordinal);
        var entries = DatasheetEntry.All(manifest, Composition.NotMeasured);
        int unanswered = entries.Count(e => e.Answers.Count == 0 && e.Question.Kind == AnswerKind.PeopleWritten);
        Assert.True(unanswered > 0);
        Assert.Equal(unanswered, Count(md, "**" + ManifestAnswers.NotAnswered + "**"));
        Assert.Equal(5, Count(md, "**" + ComputedTables.NotMeasured + "**"));
        Assert.Contains(manifest.Datasheet.Motivation.Trim(), md, StringComparison.Ordinal);
        var croissant = Croissant.Build(manifest, Composition.NotMeasured, DateTimeOffset.UnixEpoch, null);
        CroissantChecks.RequiredFields(croissant);
    }

    [Fact]
    public void The_croissant_of_every_manifest_expands_as_json_ld()
    {
        string folder = Path.Combine(Path.GetTempPath(), "croissant-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var files = Registry.All.Select(m =>
            {
                string path = Path.Combine(folder, m.Id + ".json");
                File.WriteAllText(path, Croissant.Build(m, Composition.NotMeasured, DateTimeOffset.UnixEpoch, null).ToJsonString());
                return path;
            }).ToArray();
            var (code, output) = TestSupport.ReferenceScript.Run("check_jsonld.py", files);
            Assert.True(code == 0, output);
            Assert.Equal(files.Length, output.Split('\n').Count(l => l.Contains(": ok ", StringComparison.Ordinal)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_json_ld_check_rejects_a_term_missing_from_the_context()
    {
        var croissant = Croissant.Build(Registry.Get("dsb2018"), Composition.NotMeasured, DateTimeOffset.UnixEpoch, null);
        croissant["undefinedTerm"] = "dropped silently by JSON-LD";
        string path = Path.Combine(Path.GetTempPath(), "croissant-bad-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, croissant.ToJsonString());
        try
        {
            var (code, output) = TestSupport.ReferenceScript.Run("check_jsonld.py", path);
            Assert.Equal(1, code);
            Assert.Contains("term 'undefinedTerm' does not expand to a defined IRI", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Per_question_answers_are_shown_and_unknown_ids_refused()
    {
        DatasetManifest m = Registry.Get("dsb2018");
        var with = m with { Datasheet = m.Datasheet with { Answers = new Dictionary<string, string> { ["motivation-3"] = "Paid by the test." } } };
        var entry = DatasheetEntry.All(with, Composition.NotMeasured).Single(e => e.Question.Id == "motivation-3");
        Assert.Equal(["Paid by the test."], entry.Answers);
        var bad = m with { Datasheet = m.Datasheet with { Answers = new Dictionary<string, string> { ["motivation-30"] = "x" } } };
        Assert.Throws<InputException>(() => DatasheetEntry.All(bad, Composition.NotMeasured));
    }

    private static int Count(string text, string what)
    {
        int n = 0;
        for (int i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + what.Length, StringComparison.Ordinal)) n++;
        return n;
    }
}
