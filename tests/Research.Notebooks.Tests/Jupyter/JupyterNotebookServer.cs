using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Research.Notebooks.Tests.Jupyter;

/// <summary>
/// Debian's Jupyter Notebook 6 (`jupyter notebook`) serving one folder on a loopback port with a token, no browser, and
/// its own temporary config and runtime folders (the kernelspecs stay the user's: opening a notebook starts its kernel).
/// </summary>
internal sealed class JupyterNotebookServer : IDisposable
{
    private readonly Process _process;
    private readonly string _home;

    public JupyterNotebookServer(string notebookFolder)
    {
        _home = Directory.CreateTempSubdirectory("research-jupyter-server-").FullName;
        Port = FreePort();
        var start = new ProcessStartInfo("jupyter") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in new[] { "notebook", "--allow-root", "--no-browser", "--ip=127.0.0.1", $"--port={Port}", $"--NotebookApp.token={Token}",
                     $"--notebook-dir={notebookFolder}", "--NotebookApp.port_retries=0" }) start.ArgumentList.Add(a);
        start.Environment["JUPYTER_CONFIG_DIR"] = Path.Combine(_home, "config");
        start.Environment["JUPYTER_RUNTIME_DIR"] = Path.Combine(_home, "runtime");
        _process = Process.Start(start)!;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if (http.GetAsync(Url("api/status")).Result.StatusCode == HttpStatusCode.OK) break;
            }
            catch (AggregateException) { }
            if (_process.HasExited || clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                Assert.Fail($"jupyter notebook did not start on port {Port} (exited: {_process.HasExited}); apt-get install jupyter-notebook.");
            }
            Thread.Sleep(500);
        }
    }

    public int Port { get; }

    public string Token { get; } = Guid.NewGuid().ToString("N");

    /// <summary>A page of the server, with the token.</summary>
    public string Url(string path) => $"http://127.0.0.1:{Port}/{path}?token={Token}";

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
        _process.Dispose();
        try { Directory.Delete(_home, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
