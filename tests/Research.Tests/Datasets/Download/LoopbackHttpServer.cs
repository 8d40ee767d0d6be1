using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Research.Tests.Datasets.Download;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 (port chosen by the system) for downloader tests. Each request is answered
/// by <see cref="Respond"/> and logged with its Range header; every connection is closed after one response.
/// </summary>
internal sealed class LoopbackHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly List<(string Path, string? Range)> _requests = [];

    public LoopbackHttpServer(Func<string, string?, int, Reply> respond)
    {
        Respond = respond;
        _listener.Start();
        _loop = Task.Run(AcceptLoop);
    }

    /// <summary>Path, Range header and request index (0-based) to the reply.</summary>
    public Func<string, string?, int, Reply> Respond { get; }

    public Uri Url(string path) => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}{path}");

    public IReadOnlyList<(string Path, string? Range)> Requests
    {
        get { lock (_requests) return _requests.ToList(); }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
        _stop.Dispose();
    }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { return; }
            using (client) await Serve(client);
        }
    }

    private async Task Serve(TcpClient client)
    {
        var stream = client.GetStream();
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(one) == 1) head.Append((char)one[0]);
        string[] lines = head.ToString().Split("\r\n");
        string path = lines[0].Split(' ')[1];
        string? range = lines.FirstOrDefault(l => l.StartsWith("Range:", StringComparison.OrdinalIgnoreCase))?[6..].Trim();
        int index;
        lock (_requests)
        {
            index = _requests.Count;
            _requests.Add((path, range));
        }
        var reply = Respond(path, range, index);
        var header = new StringBuilder($"HTTP/1.1 {reply.Status}\r\nContent-Length: {reply.ContentLength ?? reply.Body.Length}\r\nConnection: close\r\n");
        foreach (var extra in reply.Headers) header.Append(extra).Append("\r\n");
        header.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(header.ToString()));
        await stream.WriteAsync(reply.Body.AsMemory(0, reply.SendOnly ?? reply.Body.Length));
        await stream.FlushAsync();
        client.Client.Shutdown(SocketShutdown.Both);
    }

    /// <summary>A reply: status line text, body, extra header lines; <c>SendOnly</c> bytes then close (a dropped connection).</summary>
    public sealed record Reply(string Status, byte[] Body, string[] Headers, int? SendOnly = null, long? ContentLength = null);
}
