using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Research.Tests.TestSupport;

/// <summary>
/// Runs a committed reference script of tests/reference with Debian's /usr/bin/python3 (not a pyenv python, which
/// lacks Debian's packages). ./test.sh installs the packages the scripts the tests run import.
/// </summary>
internal static partial class ReferenceScript
{
    /// <summary>Python modules the scripts import and the Debian package of each.</summary>
    private static readonly Dictionary<string, string> Packages = new(StringComparer.Ordinal)
    {
        ["pyld"] = "python3-pyld",
        ["numpy"] = "python3-numpy",
        ["cv2"] = "python3-opencv",
        ["PIL"] = "python3-pil",
        ["scipy"] = "python3-scipy",
        ["skimage"] = "python3-skimage",
        ["torch"] = "python3-torch",
    };

    public static (int ExitCode, string Output) Run(string script, params string[] arguments)
    {
        const string python = "/usr/bin/python3";
        Assert.True(File.Exists(python), $"{python} is missing: install Debian's python3 and the module {script} imports (./test.sh does it).");
        var info = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Repository.PathOf(Path.Combine("tests", "reference", script)));
        foreach (string a in arguments) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), $"{script} did not finish in 2 minutes");
        var missing = MissingModule().Match(stderr);
        if (missing.Success)
        {
            string module = missing.Groups[1].Value.Split('.')[0];
            string package = Packages.GetValueOrDefault(module, "python3-" + module.ToLowerInvariant());
            Assert.Fail($"{script} needs the Python module '{module}': install Debian's {package} (apt-get install -y {package}; ./test.sh does it).");
        }
        return (process.ExitCode, stdout.Result + stderr);
    }

    [GeneratedRegex(@"ModuleNotFoundError: No module named '([A-Za-z0-9_.]+)'")]
    private static partial Regex MissingModule();
}
