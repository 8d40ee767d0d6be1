using System.Diagnostics;

namespace Research.Cli.Tests.Commands;

/// <summary>
/// <c>research</c> as a child process (the research.dll next to the tests), for the kill-and-resume tests:
/// <see cref="Start"/> with an optional <c>RESEARCH_HALT_AT</c> value, runs to the end, metrics rows.
/// </summary>
internal static class ResearchProcess
{
    public static (int Code, string Output) RunToEndWithOutput(string[] args)
    {
        using var process = Start(args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        string output = process.StandardError.ReadToEnd() + stdout.Result;
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, output);
        return (process.ExitCode, output);
    }

    public static int DataRows(string path)
    {
        try { return File.Exists(path) ? Math.Max(0, File.ReadAllLines(path).Length - 1) : 0; }
        catch (IOException) { return 0; }
    }

    public static string[] WithoutSeconds(string path) =>
        File.ReadAllLines(path).Select(line => line[..line.LastIndexOf(',')]).ToArray();

    public static int RunToEnd(string[] args)
    {
        using var process = Start(args);
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, output);
        return process.ExitCode;
    }

    public static Process Start(string[] args, string? halt = null)
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
        if (halt is not null) info.Environment[HaltForTests.Variable] = halt;
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "research.dll"));
        foreach (string a in args) info.ArgumentList.Add(a);
        return Process.Start(info) ?? throw new InvalidOperationException("could not start research.dll");
    }
}
