using System.Net;
using System.Net.Sockets;

namespace Research.Tests.Datasets.Download;

/// <summary>A loopback URL on a port nobody listens on (taken from the system, then released): "no network" in tests.</summary>
internal static class ClosedPort
{
    public static Uri Url(string path)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}{path}");
    }
}
