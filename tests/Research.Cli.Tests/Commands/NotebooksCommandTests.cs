namespace Research.Cli.Tests.Commands;

public sealed class NotebooksCommandTests
{
    private static string Notebook(string folder, string name, string code)
    {
        string path = Path.Combine(folder, name + ".ipynb");
        File.WriteAllText(path, "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": [" +
            "{\"cell_type\": \"code\", \"id\": \"p\", \"metadata\": {\"tags\": [\"parameters\"]}, \"execution_count\": null, \"outputs\": [], \"source\": \"var quick = false;\\nint n = 1;\"}," +
            "{\"cell_type\": \"code\", \"id\": \"c\", \"metadata\": {}, \"execution_count\": null, \"outputs\": [], \"source\": " + System.Text.Json.JsonSerializer.Serialize(code) + "}]}");
        return path;
    }

    [Fact]
    public void Runs_a_notebook_with_parameters_and_writes_ipynb_and_html()
    {
        using var temp = new TempFolder();
        string path = Notebook(temp.Path, "ok", "if (!quick || n != 5) throw new Exception(\"parameters not applied\");");
        var (code, output, error) = CliRunner.Run("notebooks", "run", path, "--quick", "--param", "n=5", "--out", temp.Combine("out"));
        Assert.True(code == 0, output + error);
        Assert.True(File.Exists(temp.Combine("out", "ok.ipynb")));
        Assert.True(File.Exists(temp.Combine("out", "ok.html")));
    }

    [Fact]
    public void A_failing_cell_exits_1_naming_the_cell_and_its_error()
    {
        using var temp = new TempFolder();
        string path = Notebook(temp.Path, "bad", "// step two\nthrow new ArgumentException(\"wrong input\");");
        var (code, _, error) = CliRunner.Run("notebooks", "run", path, "--out", temp.Combine("out"));
        Assert.Equal(1, code);
        Assert.Contains("cell 2 (// step two) failed: ArgumentException: wrong input", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_files_and_unknown_parameters_exit_2()
    {
        using var temp = new TempFolder();
        string broken = Path.Combine(temp.Path, "broken.ipynb");
        File.WriteAllText(broken, "{ not json");
        var (code, _, error) = CliRunner.Run("notebooks", "run", broken, "--out", temp.Combine("out"));
        Assert.Equal(2, code);
        Assert.Contains("broken.ipynb: not valid JSON", error, StringComparison.Ordinal);

        string path = Notebook(temp.Path, "params", "var x = 1;");
        (code, _, error) = CliRunner.Run("notebooks", "run", path, "--param", "epochs=3", "--out", temp.Combine("out"));
        Assert.Equal(2, code);
        Assert.Contains("unknown parameter 'epochs'; the parameters cell declares: quick (Boolean), n (Int32)", error, StringComparison.Ordinal);
    }
}
