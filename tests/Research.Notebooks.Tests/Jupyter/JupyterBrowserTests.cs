using System.Diagnostics;

namespace Research.Notebooks.Tests.Jupyter;

/// <summary>
/// Plotly drawn inside Jupyter Notebook 6 (classic, with require.js on the page): an executed, trusted notebook is
/// opened from a real `jupyter notebook` server in headless Chromium without network, and the DOM after its scripts
/// ran must hold plotly.js's `main-svg` layers; a control notebook without figures shows none.
/// </summary>
public sealed class JupyterBrowserTests(JupyterNotebooks jupyter) : IClassFixture<JupyterNotebooks>
{
    private const string Chromium = "/usr/bin/chromium";
    private const string DrawnLayer = "class=\"main-svg\"";

    [Fact]
    public void Plotly_draws_in_Jupyter_Notebook_and_the_control_shows_no_plot()
    {
        string folder = Path.Combine(jupyter.Folder, "browser");
        Directory.CreateDirectory(folder);
        foreach (string name in new[] { "02-preprocessing", "03-augmentation-113-fold" })
        {
            string copy = Path.Combine(folder, name + ".ipynb");
            File.Copy(Path.Combine(jupyter.Executed, name + ".ipynb"), copy, overwrite: true);
            Run("jupyter", "trust", copy);  // classic Notebook runs the scripts of trusted outputs only
        }
        using var server = new JupyterNotebookServer(folder);
        string drawn = Dom(server.Url("notebooks/02-preprocessing.ipynb"));
        string control = Dom(server.Url("notebooks/03-augmentation-113-fold.ipynb"));

        Assert.Contains("require.js", drawn, StringComparison.Ordinal);      // it is the classic page, AMD loader and all
        Assert.Contains("research-plotly", drawn, StringComparison.Ordinal); // the figure outputs are on the page
        int layers = Count(drawn, DrawnLayer);
        Assert.True(layers >= 2, $"plotly.js drew {layers} main-svg layers in Jupyter Notebook (2 figures expected)");
        Assert.Contains("data:image/png;base64,", control, StringComparison.Ordinal); // the control's outputs are shown
        Assert.Equal(0, Count(control, DrawnLayer));
    }

    private static string Dom(string url)
    {
        if (!File.Exists(Chromium)) Assert.Fail($"{Chromium} is missing: apt-get install chromium.");
        string profile = Directory.CreateTempSubdirectory("research-chromium-").FullName;
        try
        {
            var (stdout, stderr, exit) = Run(Chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", $"--user-data-dir={profile}",
                "--virtual-time-budget=30000", "--window-size=1200,2400", "--dump-dom", url);
            Assert.True(stdout.Contains("</html>", StringComparison.Ordinal), $"Chromium dumped no DOM for {url} (exit {exit}): {stderr}");
            return stdout;
        }
        finally
        {
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static (string Stdout, string Stderr, int Exit) Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{file} {string.Join(' ', args)} did not finish within 120 s.");
        }
        Assert.True(process.ExitCode == 0 || file == Chromium, $"{file} {string.Join(' ', args)} failed: {stderr.Result}");
        return (stdout.Result, stderr.Result, process.ExitCode);
    }

    private static int Count(string text, string part)
    {
        int n = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) n++;
        return n;
    }
}
