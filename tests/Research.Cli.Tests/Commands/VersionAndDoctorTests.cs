using System.Diagnostics;
using System.Text.Json;

namespace Research.Cli.Tests.Commands;

public sealed class VersionAndDoctorTests
{
    [Fact]
    public void Version_reports_libtorch_2_10_and_the_device()
    {
        var (code, output, error) = CliRunner.Run("version");
        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("2.10.0", output, StringComparison.Ordinal);
        Assert.Contains("0.107.0", output, StringComparison.Ordinal);
        Assert.Matches("\ndevice\t(cpu|cuda)", output);
    }

    [Fact]
    public void Version_json_has_every_field()
    {
        var (code, output, _) = CliRunner.Run("version", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal("2.10.0", doc.RootElement.GetProperty("libtorch").GetString());
        foreach (var key in new[] { "library", "dotnet", "torchsharp", "backend", "device" })
        {
            Assert.True(doc.RootElement.TryGetProperty(key, out _), $"missing {key} in {output}");
        }
    }

    [Fact]
    public void Doctor_passes_when_the_core_works_and_lists_every_check()
    {
        var (code, output, error) = CliRunner.Run("doctor");
        Assert.Equal(0, code);
        foreach (var check in new[] { ".NET runtime", "Image codecs", "libtorch", "CUDA", "Chromium", "Python references", "Jupyter", "Kernel tool", "Kernelspec", "Notebook references" })
        {
            Assert.Contains(check, output, StringComparison.Ordinal);
        }
        Assert.Contains("The core works.", error, StringComparison.Ordinal); // on standard error when output is not a terminal
    }

    [Fact]
    public void A_deleted_working_folder_is_explained_instead_of_aborting_in_libtorch()
    {
        // libtorch's Intel oneMKL aborts the whole process ("Intel oneMKL FATAL ERROR: Cannot load libtorch_cpu.so")
        // when it loads in a deleted working folder; the library checks first and says what to do.
        using var temp = new TempFolder();
        string dll = Path.Combine(AppContext.BaseDirectory, "research.dll");
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = temp.Path };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("mkdir gone && cd gone && rmdir ../gone && exec dotnet \"$0\" version");
        info.ArgumentList.Add(dll);
        using var process = Process.Start(info)!;
        string stdout = process.StandardOutput.ReadToEnd();
        string stderr = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(60_000));
        Assert.Contains("working folder no longer exists", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("oneMKL", stdout + stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.NotEqual(0, process.ExitCode);
    }

    [Fact]
    public void The_built_command_runs_as_a_process_and_a_usage_error_exits_2_without_a_stack_trace()
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "research.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        foreach (var a in new[] { dll, "datasets", "synth", "--out", Path.GetTempPath(), "--size", "16" }) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        string stdout = process.StandardOutput.ReadToEnd();
        string stderr = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(60_000));
        Assert.Equal(2, process.ExitCode);
        Assert.Equal("research: --size must be at least 32 pixels, got 16.", stderr.Trim());
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
    }
}
