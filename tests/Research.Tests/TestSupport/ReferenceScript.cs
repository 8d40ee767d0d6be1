using System.Diagnostics;

namespace Research.Tests.TestSupport;

/// <summary>
/// Runs a committed reference script of tests/reference with Debian's /usr/bin/python3 (not a pyenv python, which
/// lacks Debian's packages). .ci/run installs the packages the scripts import.
/// </summary>
internal static class ReferenceScript
{
    public static (int ExitCode, string Output) Run(string script, params string[] arguments)
    {
        const string python = "/usr/bin/python3";
        Assert.True(File.Exists(python), $"{python} is missing: install Debian's python3 (see .ci/run)");
        var info = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Repository.PathOf(Path.Combine("tests", "reference", script)));
        foreach (string a in arguments) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), $"{script} did not finish in 2 minutes");
        return (process.ExitCode, stdout.Result + stderr);
    }
}
