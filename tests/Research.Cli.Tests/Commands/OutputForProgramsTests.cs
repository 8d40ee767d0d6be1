using System.Diagnostics;
using System.Text.Json;
using Research.Datasets.Manifests;

namespace Research.Cli.Tests.Commands;

/// <summary>
/// Tables for people on a terminal, for programs otherwise: with standard output redirected, the built command prints
/// tab-separated lines with a header (whole values, no box characters, footers on standard error), and <c>--json</c>
/// prints JSON that parses.
/// </summary>
public sealed class OutputForProgramsTests
{
    [Fact]
    public void Datasets_list_piped_keeps_whole_identifiers_one_row_per_manifest()
    {
        var (code, stdout, stderr) = RunProcess("datasets", "list");
        Assert.True(code == 0, stderr);
        string[] lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id\ttasks\tmodality\tlicence\tsize\tlocal", lines[0]);
        var ids = ManifestRegistry.Load().All.Select(m => m.Id).ToList();
        Assert.Contains("fluorescent-neuronal-cells", ids);
        Assert.Contains("bh2019-kidney-em-nucleus", ids);
        Assert.Equal(ids, lines.Skip(1).Select(l => l.Split('\t')[0]));
        Assert.All(lines, l => Assert.Equal(6, l.Split('\t').Length));
        Assert.DoesNotContain('│', stdout);
        Assert.Contains($"{ids.Count} datasets", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Datasets_list_json_parses_with_one_object_per_manifest()
    {
        var (code, stdout, stderr) = RunProcess("datasets", "list", "--json");
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var rows = doc.RootElement.EnumerateArray().ToList();
        Assert.Equal(ManifestRegistry.Load().All.Count, rows.Count);
        var dsb = rows.Single(r => r.GetProperty("id").GetString() == "dsb2018");
        Assert.Equal(["id", "tasks", "modality", "licence", "size", "local"], dsb.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Array, dsb.GetProperty("tasks").ValueKind);
        Assert.True(dsb.GetProperty("size").GetProperty("images").GetInt32() > 670);
    }

    [Fact]
    public void Version_doctor_and_show_take_json()
    {
        var version = CliRunner.Run("version", "--json");
        Assert.Equal("2.10.0", JsonDocument.Parse(version.Output).RootElement.GetProperty("libtorch").GetString());

        var doctor = CliRunner.Run("doctor", "--json");
        Assert.True(doctor.ExitCode == 0, doctor.Error);
        var checks = JsonDocument.Parse(doctor.Output).RootElement.EnumerateArray().ToList();
        Assert.Contains(checks, c => c.GetProperty("check").GetString() == "libtorch" && c.GetProperty("status").GetString() == "ok");
        Assert.Equal(["check", "status", "found", "how_to_fix"], checks[0].EnumerateObject().Select(p => p.Name));
        Assert.Contains("The core works.", doctor.Error, StringComparison.Ordinal);

        var show = CliRunner.Run("datasets", "show", "dsb2018", "--json");
        Assert.True(show.ExitCode == 0, show.Error);
        Assert.Equal("dsb2018", JsonDocument.Parse(show.Output).RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public void Tables_escape_tabs_and_line_breaks_and_key_json_by_snake_case_column()
    {
        var table = new TableOutput("id", "how to fix", "DSB2018 score");
        table.Add("a\tb", "line one\nline two", new Cell(0.5, "0.5000"));
        Assert.Equal("id\thow to fix\tDSB2018 score\na b\tline one line two\t0.5000\n", table.ToTsv());
        using var json = JsonDocument.Parse(table.ToJson());
        var row = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal(["id", "how_to_fix", "dsb2018_score"], row.EnumerateObject().Select(p => p.Name));
        Assert.Equal("a\tb", row.GetProperty("id").GetString());
        Assert.Equal("line one\nline two", row.GetProperty("how_to_fix").GetString());
        Assert.Equal(0.5, row.GetProperty("dsb2018_score").GetDouble());
    }

    /// <summary>Runs the built research.dll as a process with standard output and error redirected (not terminals).</summary>
    private static (int Code, string Stdout, string Stderr) RunProcess(params string[] args)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // Its own working folder: the notebook runner tests move this process's working folder into temporary folders
            // that are deleted, and libtorch (Intel oneMKL) aborts in a child started in a deleted folder.
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "research.dll"));
        foreach (string a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), "research did not finish in 60 s");
        return (process.ExitCode, stdout.Result, stderr);
    }
}
