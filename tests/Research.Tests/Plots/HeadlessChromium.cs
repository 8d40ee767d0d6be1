using System.Diagnostics;
using Research.Imaging;
using Research.Imaging.Codecs;

namespace Research.Tests.Plots;

/// <summary>Renders a local HTML file with Debian's headless Chromium (apt package chromium; ./test.sh installs it).</summary>
internal static class HeadlessChromium
{
    private const string Binary = "/usr/bin/chromium";

    /// <summary>Screenshot (1200 x <paramref name="height"/>) and Chromium's log (console messages included).</summary>
    public static (Image<byte> Screenshot, string Log) Render(string htmlPath, int height = 900)
    {
        if (!File.Exists(Binary)) Assert.Fail($"{Binary} is missing: install Debian's chromium package (apt-get install -y chromium; ./test.sh does it). The HTML report tests need it.");
        string work = Directory.CreateTempSubdirectory("research-chromium-").FullName;
        try
        {
            string png = Path.Combine(work, "shot.png");
            var (stdout, stderr, exit) = Run(htmlPath, work, $"--screenshot={png}", $"--window-size=1200,{height}");
            string log = stderr + stdout;
            Assert.True(File.Exists(png), $"Chromium wrote no screenshot (exit {exit}): {log}");
            var shot = ImageFile.Read(png) as Image<byte> ?? throw new InvalidOperationException("Screenshot is not 8-bit.");
            return (shot, log);
        }
        finally
        {
            Delete(work);
        }
    }

    /// <summary>The page's DOM serialised after its scripts ran (5 s of virtual time), and Chromium's log.</summary>
    public static (string Dom, string Log) DumpDom(string htmlPath)
    {
        string work = Directory.CreateTempSubdirectory("research-chromium-").FullName;
        try
        {
            var (stdout, stderr, exit) = Run(htmlPath, work, "--dump-dom", "--window-size=1200,900");
            Assert.True(stdout.Contains("</html>", StringComparison.Ordinal), $"Chromium dumped no DOM (exit {exit}): {stderr}");
            return (stdout, stderr);
        }
        finally
        {
            Delete(work);
        }
    }

    private static (string Stdout, string Stderr, int Exit) Run(string htmlPath, string work, params string[] mode)
    {
        if (!File.Exists(Binary)) Assert.Fail($"{Binary} is missing: install Debian's chromium package (apt-get install -y chromium; .ci/run does it). The HTML report tests need it.");
        var start = new ProcessStartInfo(Binary)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            ArgumentList =
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000",
                $"--user-data-dir={Path.Combine(work, "profile")}",
            },
        };
        foreach (string m in mode) start.ArgumentList.Add(m);
        start.ArgumentList.Add("file://" + htmlPath);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(90_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("Chromium did not finish within 90 s.");
        }
        return (stdout.Result, stderr.Result, process.ExitCode);
    }

    private static void Delete(string work)
    {
        try { Directory.Delete(work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>Pixels close to the first trace colour without a template, #1f77b4 (31, 119, 180): drawn data, not text or axes.</summary>
    public static int TraceColouredPixels(Image<byte> shot)
    {
        int count = 0, c = shot.Channels;
        for (int i = 0; i < shot.Width * shot.Height; i++)
        {
            int r = shot.Data[i * c], g = shot.Data[i * c + 1], b = shot.Data[i * c + 2];
            if (Math.Abs(r - 31) < 20 && Math.Abs(g - 119) < 20 && Math.Abs(b - 180) < 20) count++;
        }
        return count;
    }

    /// <summary>Distinct RGB colours in the screenshot.</summary>
    public static int DistinctColours(Image<byte> shot)
    {
        var colours = new HashSet<int>();
        int c = shot.Channels;
        for (int i = 0; i < shot.Width * shot.Height; i++) colours.Add(shot.Data[i * c] << 16 | shot.Data[i * c + 1] << 8 | shot.Data[i * c + 2]);
        return colours.Count;
    }
}
