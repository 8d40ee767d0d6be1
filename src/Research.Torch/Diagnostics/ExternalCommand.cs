using System.Diagnostics;

namespace Research.Torch.Diagnostics;

/// <summary>Runs a helper program (briefly, to see whether it is there and what it says, or to completion with a longer time limit).</summary>
public static class ExternalCommand
{
    /// <summary>Runs <paramref name="file"/> with arguments; null when it cannot start or times out, else (exit code, output).</summary>
    public static (int ExitCode, string Output)? Run(string file, IEnumerable<string> arguments, int timeoutMs = 20_000)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        try
        {
            using var process = Process.Start(info);
            if (process is null) return null;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeoutMs))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }
            return (process.ExitCode, (stdout.Result + stderr.Result).Trim());
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>The first of <paramref name="names"/> found on PATH, or null.</summary>
    public static string? FindOnPath(params string[] names)
    {
        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (var name in names)
        {
            foreach (var dir in dirs)
            {
                string candidate = Path.Combine(dir, name);
                if (File.Exists(candidate)) return candidate;
            }
        }
        return null;
    }
}
