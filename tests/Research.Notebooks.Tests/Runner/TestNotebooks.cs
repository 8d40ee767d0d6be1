using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Research.Notebooks.Tests.Runner;

/// <summary>Small notebooks written for a test, and the checks every executed notebook must pass.</summary>
internal static class TestNotebooks
{
    public static JsonObject Code(string source, string? tag = null, string? language = null)
    {
        var metadata = new JsonObject();
        if (tag is not null) metadata["tags"] = new JsonArray(tag);
        if (language is not null) metadata["dotnet_interactive"] = new JsonObject { ["language"] = language };
        return new JsonObject { ["cell_type"] = "code", ["execution_count"] = null, ["metadata"] = metadata, ["outputs"] = new JsonArray(), ["source"] = source };
    }

    public static JsonObject Markdown(string source) => new() { ["cell_type"] = "markdown", ["metadata"] = new JsonObject(), ["source"] = source };

    /// <summary>Writes an nbformat 4.4 notebook (no cell ids, as older files have) into <paramref name="folder"/>.</summary>
    public static string Write(string folder, string name, params JsonObject[] cells)
    {
        var doc = new JsonObject
        {
            ["cells"] = new JsonArray(cells),
            ["metadata"] = new JsonObject { ["kernelspec"] = new JsonObject { ["name"] = ".net-csharp", ["display_name"] = ".NET (C#)", ["language"] = "C#" } },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 4,
        };
        string path = Path.Combine(folder, name + ".ipynb");
        File.WriteAllText(path, doc.ToJsonString());
        return path;
    }

    /// <summary>Validates a notebook with Debian's python3-nbformat (an independent implementation of the schema).</summary>
    public static void AssertValidNbformat(string path)
    {
        const string python = "/usr/bin/python3";
        if (!File.Exists(python)) Assert.Fail($"{python} is missing: install Debian's python3-nbformat (apt-get install -y python3-nbformat; ./test.sh does it).");
        var start = new ProcessStartInfo(python) { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("import nbformat,sys; nb=nbformat.read(sys.argv[1], as_version=4); nbformat.validate(nb); print(nb.nbformat, nb.nbformat_minor)");
        start.ArgumentList.Add(path);
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{path} is not valid nbformat (python3-nbformat installed? apt-get install -y python3-nbformat; ./test.sh does it): {error}");
        Assert.Equal("4 5", output.Trim());
    }

    public static JsonObject Read(string path) => JsonNode.Parse(File.ReadAllText(path))!.AsObject();

    public static JsonArray Outputs(JsonObject notebook, int cellIndex) => notebook["cells"]![cellIndex]!["outputs"]!.AsArray();
}

/// <summary>A temporary folder removed after the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "research-notebook-tests", Guid.NewGuid().ToString("N"));

    public string Out => System.IO.Path.Combine(Path, "out");

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
