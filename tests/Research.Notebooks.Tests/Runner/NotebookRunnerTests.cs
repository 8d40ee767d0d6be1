using System.Text.Json.Nodes;
using Research.Notebooks.Runner;
using static Research.Notebooks.Tests.Runner.TestNotebooks;

namespace Research.Notebooks.Tests.Runner;

public sealed class NotebookRunnerTests
{
    private static NotebookRunResult Run(TempFolder temp, string path, bool quick = false, Dictionary<string, string>? parameters = null, double timeoutSeconds = 60) =>
        NotebookRunner.Run(path, new NotebookRunOptions
        {
            OutputFolder = temp.Out, Quick = quick, Parameters = parameters ?? [], CellTimeout = TimeSpan.FromSeconds(timeoutSeconds),
        });

    [Fact]
    public void Cells_share_one_state_and_outputs_are_captured_in_order()
    {
        using var temp = new TempFolder();
        string path = Write(temp.Path, "state",
            Markdown("# Title"),
            Code($"#r \"{typeof(Research.Notebooks.Kernel).Assembly.Location}\"\n#r \"nuget: Microsoft.Data.Analysis, 0.23.1\"\nResearch.Notebooks.Kernel.Setup()"),
            Code("var x = 20;\nawait Task.Delay(1);"),
            Code("Console.WriteLine(\"before\");\ndisplay(new Research.Notebooks.Display.HtmlContent(\"<b>shown</b>\"));\nConsole.Write(\"after\");\nx + 22"),
            Code("new Research.Imaging.Image<byte>(4, 3)"));
        var result = Run(temp, path);
        Assert.True(result.Succeeded, result.Failure?.ToString());
        Assert.Equal(4, result.CellsRun);
        var doc = Read(result.ExecutedNotebook);
        var outputs = Outputs(doc, 3);
        Assert.Equal(["stream", "display_data", "stream", "execute_result"], outputs.Select(o => (string)o!["output_type"]!).ToArray());
        Assert.Equal("before\n", (string)outputs[0]!["text"]!);
        Assert.Equal("<b>shown</b>", (string)outputs[1]!["data"]!["text/html"]!);
        Assert.Equal("after", (string)outputs[2]!["text"]!);
        Assert.Equal("42", (string)outputs[3]!["data"]!["text/plain"]!);
        Assert.Equal(3, (int)outputs[3]!["execution_count"]!);
        var image = Outputs(doc, 4)[0]!["data"]!;
        Assert.StartsWith("iVBORw0KGgo", (string)image["image/png"]!, StringComparison.Ordinal);
        Assert.Contains("<img src=\"data:image/png;base64,", (string)image["text/html"]!, StringComparison.Ordinal);
        Assert.Equal("markdown", (string)doc["cells"]![0]!["cell_type"]!);
        AssertValidNbformat(result.ExecutedNotebook);
    }

    [Fact]
    public void Parameters_cell_is_followed_by_injected_overrides_parsed_by_type()
    {
        using var temp = new TempFolder();
        string path = Write(temp.Path, "params",
            Code("var quick = false;\nint n = 1;\ndouble rate = 0.5;\nstring name = \"a\";\nulong seed = 3;", NotebookParameters.Tag),
            Code("$\"{quick} {n} {rate.ToString(System.Globalization.CultureInfo.InvariantCulture)} {name} {seed}\""));
        var result = Run(temp, path, quick: true, parameters: new() { ["n"] = "7", ["rate"] = "2", ["name"] = "x \"y\"", ["seed"] = "18446744073709551615" });
        Assert.True(result.Succeeded, result.Failure?.ToString());
        var doc = Read(result.ExecutedNotebook);
        var injected = doc["cells"]![1]!.AsObject();
        Assert.Equal(NotebookParameters.InjectedTag, (string)injected["metadata"]!["tags"]![0]!);
        Assert.Contains("quick = true;", string.Concat(injected["source"]!.AsArray().Select(l => (string)l!)), StringComparison.Ordinal);
        Assert.Equal("True 7 2 x \"y\" 18446744073709551615", (string)Outputs(doc, 2)[0]!["data"]!["text/plain"]!);
        AssertValidNbformat(result.ExecutedNotebook);
    }

    [Fact]
    public void Unknown_parameter_lists_the_declared_ones()
    {
        using var temp = new TempFolder();
        string path = Write(temp.Path, "unknown", Code("var quick = false;\nint epochs = 3;", NotebookParameters.Tag));
        var e = Assert.Throws<InputException>(() => Run(temp, path, parameters: new() { ["epoch"] = "5" }));
        Assert.Contains("unknown parameter 'epoch'", e.Message, StringComparison.Ordinal);
        Assert.Contains("quick (Boolean), epochs (Int32)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_refused()
    {
        using var temp = new TempFolder();
        string path = Write(temp.Path, "badvalue", Code("int epochs = 3;", NotebookParameters.Tag));
        var e = Assert.Throws<InputException>(() => Run(temp, path, parameters: new() { ["epochs"] = "many" }));
        Assert.Contains("parameter epochs: 'many' is not a valid Int32", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_param_without_a_parameters_cell_is_refused()
    {
        using var temp = new TempFolder();
        string path = Write(temp.Path, "noparams", Code("var x = 1;"));
        var e = Assert.Throws<InputException>(() => Run(temp, path, parameters: new() { ["x"] = "2" }));
        Assert.Contains("no cell is tagged 'parameters'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_throwing_cell_is_named_with_its_number_first_line_and_exception_and_later_cells_are_kept()
    {
        using var temp = new TempFolder();
        string path = Write(temp.Path, "throws",
            Markdown("text"),
            Code("var ok = 1;"),
            Code("// load the data\nthrow new InvalidOperationException(\"no data here\");"),
            Code("Console.WriteLine(\"never\");"));
        var result = Run(temp, path);
        Assert.Equal(new CellFailure(3, "// load the data", "InvalidOperationException", "no data here"), result.Failure);
        Assert.Equal("cell 3 (// load the data) failed: InvalidOperationException: no data here", result.Failure!.ToString());
        var doc = Read(result.ExecutedNotebook);
        var error = Outputs(doc, 2)[0]!;
        Assert.Equal("error", (string)error["output_type"]!);
        Assert.Equal("InvalidOperationException", (string)error["ename"]!);
        Assert.Empty(Outputs(doc, 3));
        Assert.Null(doc["cells"]![3]!["execution_count"]);
        Assert.Contains("no data here", File.ReadAllText(result.Html), StringComparison.Ordinal);
        AssertValidNbformat(result.ExecutedNotebook);
    }

    [Fact]
    public void Code_that_does_not_compile_is_a_compilation_error_of_that_cell()
    {
        using var temp = new TempFolder();
        string path = Write(temp.Path, "compile", Code("int y = \"text\";"));
        var result = Run(temp, path);
        Assert.Equal(1, result.Failure!.Cell);
        Assert.Equal("CompilationError", result.Failure.Exception);
        Assert.Contains("CS0029", result.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cell_that_never_ends_hits_the_time_limit()
    {
        using var temp = new TempFolder();
        // Sleeps rather than spins, so the abandoned cell costs no CPU while the test suite goes on.
        string path = Write(temp.Path, "forever", Code("var started = true;"), Code("// wait forever\nSystem.Threading.Thread.Sleep(System.Threading.Timeout.Infinite);"));
        var result = Run(temp, path, timeoutSeconds: 1);
        Assert.Equal(2, result.Failure!.Cell);
        Assert.Equal("Timeout", result.Failure.Exception);
        Assert.Contains("did not finish within 1 s", result.Failure.Message, StringComparison.Ordinal);
        AssertValidNbformat(result.ExecutedNotebook);
    }

    [Fact]
    public void Cells_in_another_language_are_skipped_and_said_to_be()
    {
        using var temp = new TempFolder();
        string path = Write(temp.Path, "polyglot", Code("let x = 1", language: "fsharp"), Code("#!pwsh\nGet-Date"), Code("1 + 1"));
        var result = Run(temp, path);
        Assert.True(result.Succeeded);
        Assert.Equal(1, result.CellsRun);
        Assert.Equal(2, result.Skipped.Count);
        Assert.Contains("cell 1 is fsharp, not C#: skipped", result.Skipped[0], StringComparison.Ordinal);
        Assert.Contains("cell 2 is pwsh", result.Skipped[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_the_runner_cannot_provide_is_an_error_naming_it()
    {
        using var temp = new TempFolder();
        string path = Write(temp.Path, "nuget", Code("#r \"nuget: Newtonsoft.Json, 13.0.3\""));
        var e = Assert.Throws<InputException>(() => Run(temp, path));
        Assert.Contains("cell 1: #r \"nuget: Newtonsoft.Json, 13.0.3\"", e.Message, StringComparison.Ordinal);
        Assert.Contains("Microsoft.Data.Analysis", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_to_a_missing_file_fails_as_it_would_in_the_kernel()
    {
        using var temp = new TempFolder();
        string path = Write(temp.Path, "missing", Code("#r \"../not-built/Research.Core.dll\""));
        var e = Assert.Throws<InputException>(() => Run(temp, path));
        Assert.Contains("#r \"../not-built/Research.Core.dll\": no such file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cells_run_in_the_notebook_folder()
    {
        using var temp = new TempFolder();
        string path = Write(temp.Path, "cwd", Code("System.IO.Directory.GetCurrentDirectory()"));
        var result = Run(temp, path);
        string cwd = (string)Outputs(Read(result.ExecutedNotebook), 0)[0]!["data"]!["text/plain"]!;
        Assert.Equal(Path.GetFullPath(temp.Path), cwd.Trim('"'));
    }

    [Fact]
    public void Html_inlines_plotly_once_for_all_figures()
    {
        using var temp = new TempFolder();
        string figure = "Research.Plots.LearningCurves.Loss([new Research.Metrics.EpochMetrics(1, 0.9, 1.0, 0.5, 0.4, 0.001, 1), new Research.Metrics.EpochMetrics(2, 0.5, 0.7, 0.6, 0.5, 0.001, 1)])";
        string path = Write(temp.Path, "figures", Code($"display({figure});\n{figure}"));
        var result = Run(temp, path);
        string html = File.ReadAllText(result.Html);
        Assert.Equal(1, Count(html, "For license information please see plotly.min.js.LICENSE.txt"));
        Assert.Equal(2, Count(html, "class=\"research-plotly\""));
        Assert.DoesNotContain("<script src=", html, StringComparison.Ordinal);
    }

    private static int Count(string text, string part)
    {
        int n = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) n++;
        return n;
    }
}
