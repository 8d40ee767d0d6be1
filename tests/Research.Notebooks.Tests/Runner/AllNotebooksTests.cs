using System.Text.Json.Nodes;
using Research.Notebooks.Runner;
using Research.Notebooks.Setup;
using Research.Tests.Plots;
using Research.Tests.TestSupport;

namespace Research.Notebooks.Tests.Runner;

/// <summary>Runs every notebook under notebooks/ once in quick mode through the runner (after the set-up); the tests below check the results.</summary>
public sealed class AllNotebooksFixture : IDisposable
{
    public AllNotebooksFixture()
    {
        // The notebooks reference notebooks/.lib, in the runner as in Jupyter: build it (when the sources changed) first.
        NotebookSetup.Run(new NotebookSetupOptions { RepositoryRoot = Repository.Root() }, _ => { });
        Environment.SetEnvironmentVariable("RESEARCH_NOTEBOOK_WORK", Path.Combine(Folder, "work"));
        Notebooks = [.. Directory.EnumerateFiles(Repository.PathOf("notebooks"), "*.ipynb", SearchOption.AllDirectories)
            .Where(p => !p.Contains(".ipynb_checkpoints", StringComparison.Ordinal) && !p.Contains("/.lib", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
        var options = new NotebookRunOptions { OutputFolder = Path.Combine(Folder, "out"), Quick = true, CellTimeout = TimeSpan.FromMinutes(3) };
        Results = [.. Notebooks.Select(n => NotebookRunner.Run(n, options))];
    }

    public string Folder { get; } = Directory.CreateTempSubdirectory("research-all-notebooks-").FullName;

    public IReadOnlyList<string> Notebooks { get; }

    public IReadOnlyList<NotebookRunResult> Results { get; }

    public NotebookRunResult Of(string name) => Results.Single(r => Path.GetFileNameWithoutExtension(r.Notebook) == name);

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("RESEARCH_NOTEBOOK_WORK", null);
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}

public sealed class AllNotebooksTests(AllNotebooksFixture all) : IClassFixture<AllNotebooksFixture>
{
    public static TheoryData<string> Names => new([.. new[]
    {
        "01-datasets-and-datasheets", "02-preprocessing", "03-augmentation-113-fold", "04-training", "05-evaluation-and-metric-plots",
        "06-reproduce-figure", "07-instance-models", "08-sam-fine-tuning", "09-objects-and-metadata", "10-reproduce-bh2019", "workshop-1-metrics-by-hand", "workshop-2-augment-and-train",
    }]);

    [Fact]
    public void Every_notebook_runs_in_quick_mode_and_writes_valid_nbformat()
    {
        Assert.True(all.Notebooks.Count >= 8, $"only {all.Notebooks.Count} notebooks found");
        foreach (var result in all.Results)
        {
            Assert.True(result.Succeeded, $"{result.Notebook}: {result.Failure}");
            Assert.Empty(result.Skipped);
            TestNotebooks.AssertValidNbformat(result.ExecutedNotebook);
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Each_notebook_follows_the_skeleton(string name)
    {
        var doc = NotebookDocument.Read(all.Notebooks.Single(n => Path.GetFileNameWithoutExtension(n) == name));
        var code = doc.Cells.Where(c => c.Kind == CellKind.Code).ToList();
        Assert.StartsWith("# ", doc.Cells[0].Source, StringComparison.Ordinal);
        Assert.Contains("Research.Notebooks.Kernel.Setup()", code[1].Source, StringComparison.Ordinal);
        Assert.Contains(code, c => c.Tags.Contains(NotebookParameters.Tag) && c.Source.Contains("var quick = false;", StringComparison.Ordinal));
        Assert.Contains(doc.Cells, c => c.Kind == CellKind.Markdown && c.Source.Contains("## Summary", StringComparison.Ordinal));
        Assert.DoesNotContain(code, c => c.Source.Contains(" class ", StringComparison.Ordinal) || c.Source.Contains("record ", StringComparison.Ordinal));
        Assert.Equal(".net-csharp", (string?)doc.Json["metadata"]!["kernelspec"]!["name"]);
        Assert.All(code, c => Assert.Equal("csharp", CellLanguage.Of(c)));
    }

    [Fact]
    public void Every_notebook_starts_with_the_set_up_cells()
    {
        foreach (string path in all.Notebooks)
        {
            int depth = Path.GetRelativePath(Repository.PathOf("notebooks"), path).Count(c => c == '/');
            var (check, references) = SetupCells.For(depth);
            var code = NotebookDocument.Read(path).Cells.Where(c => c.Kind == CellKind.Code).Take(2).Select(c => c.Source).ToList();
            Assert.True(code.SequenceEqual([check, references]),
                $"{path}: the first two code cells must be the set-up cells (Research.Notebooks.Setup.SetupCells.For({depth})):\n{check}\n---\n{references}");
        }
    }

    [Theory]
    [MemberData(nameof(NotebookExpectations.FiguresAndImages), MemberType = typeof(NotebookExpectations))]
    public void Outputs_hold_real_figures_and_images(string name, int figures, int images)
    {
        string html = string.Concat(HtmlOutputs(all.Of(name).ExecutedNotebook));
        Assert.True(Count(html, "class=\"research-plotly\"") >= figures, $"{name}: fewer than {figures} Plotly figures");
        Assert.True(Count(html, "<img src=\"data:image/png;base64,") >= images, $"{name}: fewer than {images} images");
    }

    [Fact]
    public void Workshop_solutions_are_collapsed_and_tagged()
    {
        foreach (string path in all.Notebooks.Where(n => n.Contains("workshop", StringComparison.Ordinal)))
        {
            var solutions = NotebookDocument.Read(path).Cells.Where(c => c.Tags.Contains("solution")).ToList();
            Assert.True(solutions.Count >= 2, $"{path}: fewer than 2 solution cells");
            Assert.All(solutions, c => Assert.True((bool?)c.Json["metadata"]!["jupyter"]!["source_hidden"] == true, $"{path}: cell {c.Number} is not collapsed"));
        }
    }

    [Fact]
    public void Evaluation_and_training_show_tables()
    {
        Assert.Contains("research-table", string.Concat(HtmlOutputs(all.Of("04-training").ExecutedNotebook)), StringComparison.Ordinal);
        string evaluation = string.Concat(HtmlOutputs(all.Of("05-evaluation-and-metric-plots").ExecutedNotebook));
        Assert.Contains("DSB2018 score (mean over images)", evaluation, StringComparison.Ordinal);
        Assert.Contains("<th>Dsb2018</th>", evaluation, StringComparison.Ordinal);
    }

    [Fact]
    public void Exported_html_draws_its_figures_in_headless_chromium()
    {
        // 04-training: four learning-curve figures; the first trace colour (#1f77b4) only appears where plotly drew.
        string html = File.ReadAllText(all.Of("04-training").Html);
        string drawn = Path.Combine(all.Folder, "drawn.html");
        File.WriteAllText(drawn, html);
        var (shot, log) = HeadlessChromium.Render(drawn, 7000);
        int trace = HeadlessChromium.TraceColouredPixels(shot);
        Assert.DoesNotContain("Uncaught", log, StringComparison.Ordinal);

        // Control: the same page without plotly.js draws nothing, so the count above comes from the figures.
        string control = Path.Combine(all.Folder, "control.html");
        File.WriteAllText(control, html.Replace("window.Plotly.newPlot(", "void(", StringComparison.Ordinal));
        int without = HeadlessChromium.TraceColouredPixels(HeadlessChromium.Render(control, 7000).Screenshot);
        Assert.True(trace - without > 500, $"figures drew {trace} trace pixels, the control {without}: the figures did not draw. Log: {log}");
    }

    private static IEnumerable<string> HtmlOutputs(string ipynb) =>
        TestNotebooks.Read(ipynb)["cells"]!.AsArray()
            .SelectMany(c => c!["outputs"]?.AsArray() ?? [])
            .Select(o => o!["data"]?["text/html"])
            .Where(h => h is not null)
            .Select(h => h is JsonArray lines ? string.Concat(lines.Select(l => (string)l!)) : (string)h!);

    private static int Count(string text, string part)
    {
        int n = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) n++;
        return n;
    }
}
