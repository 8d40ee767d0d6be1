using System.Security.Cryptography;
using Research.Datasets.Download;
using static Research.Tests.Datasets.Download.LoopbackHttpServer;

namespace Research.Tests.Datasets.Download;

public sealed class HttpDatasetDownloaderTests : IDisposable
{
    private static readonly byte[] Payload = Enumerable.Range(0, 200_000).Select(i => (byte)(i * 31 % 251)).ToArray();
    private static readonly string PayloadSha = Convert.ToHexStringLower(SHA256.HashData(Payload));
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "research-download-tests", Guid.NewGuid().ToString("N"));

    public HttpDatasetDownloaderTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Reply Full() => new("200 OK", Payload, []);

    /// <summary>Honours "bytes=N-" with 206 and Content-Range; otherwise the whole file.</summary>
    private static Reply Ranged(string? range)
    {
        if (range is null) return Full();
        int from = int.Parse(range["bytes=".Length..].TrimEnd('-'), System.Globalization.CultureInfo.InvariantCulture);
        return new("206 Partial Content", Payload[from..], [$"Content-Range: bytes {from}-{Payload.Length - 1}/{Payload.Length}"]);
    }

    private static HttpDatasetDownloader Downloader(int attempts = 3) => new(options: new DownloadOptions { MaxAttempts = attempts, RetryDelay = TimeSpan.Zero });

    [Fact]
    public async Task A_good_file_arrives_under_its_name_with_no_part_file_left()
    {
        using var server = new LoopbackHttpServer((_, _, _) => Full());
        using var downloader = Downloader();
        var seen = new List<long>();
        string target = Path.Combine(_dir, "sub", "data.bin");
        await downloader.DownloadAsync(server.Url("/data.bin"), PayloadSha.ToUpperInvariant(), target, new SyncProgress(seen.Add), CancellationToken.None);
        Assert.Equal(Payload, File.ReadAllBytes(target));
        Assert.False(File.Exists(target + ".part"));
        Assert.Equal(Payload.Length, seen[^1]);
        Assert.Equal([("/data.bin", (string?)null)], server.Requests);
    }

    [Fact]
    public async Task A_hash_mismatch_deletes_the_download_and_names_url_expected_and_actual()
    {
        using var server = new LoopbackHttpServer((_, _, _) => Full());
        using var downloader = Downloader();
        string target = Path.Combine(_dir, "data.bin");
        string wrong = new('0', 64);
        var e = await Assert.ThrowsAsync<DownloadFailedException>(() => downloader.DownloadAsync(server.Url("/x"), wrong, target, null, CancellationToken.None));
        Assert.Contains(server.Url("/x").ToString(), e.Message, StringComparison.Ordinal);
        Assert.Contains($"expected {wrong}, got {PayloadSha}", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
        Assert.False(File.Exists(target + ".part"));
    }

    [Fact]
    public async Task A_connection_dropped_half_way_is_resumed_with_a_range_request()
    {
        const int dropAfter = 70_000;
        using var server = new LoopbackHttpServer((_, range, index) => index == 0 ? Full() with { SendOnly = dropAfter } : Ranged(range));
        using var downloader = Downloader();
        string target = Path.Combine(_dir, "data.bin");
        await downloader.DownloadAsync(server.Url("/d"), PayloadSha, target, null, CancellationToken.None);
        Assert.Equal(Payload, File.ReadAllBytes(target));
        Assert.Equal([("/d", null), ("/d", $"bytes={dropAfter}-")], server.Requests);
    }

    [Fact]
    public async Task An_interrupted_call_leaves_the_part_file_and_the_next_call_resumes_from_it()
    {
        const int dropAfter = 123_456;
        using var server = new LoopbackHttpServer((_, range, index) => index == 0 ? Full() with { SendOnly = dropAfter } : Ranged(range));
        using var downloader = Downloader(attempts: 1);
        string target = Path.Combine(_dir, "data.bin");
        var e = await Assert.ThrowsAsync<DownloadFailedException>(() => downloader.DownloadAsync(server.Url("/d"), PayloadSha, target, null, CancellationToken.None));
        Assert.Contains("interrupted", e.Message, StringComparison.Ordinal);
        Assert.Equal(dropAfter, new FileInfo(target + ".part").Length);
        Assert.False(File.Exists(target));
        await downloader.DownloadAsync(server.Url("/d"), PayloadSha, target, null, CancellationToken.None);
        Assert.Equal(Payload, File.ReadAllBytes(target));
        Assert.Equal($"bytes={dropAfter}-", server.Requests[1].Range);
    }

    [Fact]
    public async Task A_server_that_ignores_range_makes_the_download_restart()
    {
        using var server = new LoopbackHttpServer((_, _, _) => Full());
        using var downloader = Downloader();
        string target = Path.Combine(_dir, "data.bin");
        File.WriteAllBytes(target + ".part", new byte[5000]);
        await downloader.DownloadAsync(server.Url("/d"), PayloadSha, target, null, CancellationToken.None);
        Assert.Equal(Payload, File.ReadAllBytes(target));
        Assert.Equal("bytes=5000-", Assert.Single(server.Requests).Range);
    }

    [Fact]
    public async Task A_missing_file_names_the_url_and_the_status()
    {
        using var server = new LoopbackHttpServer((_, _, _) => new Reply("404 Not Found", [], []));
        using var downloader = Downloader();
        var e = await Assert.ThrowsAsync<DownloadFailedException>(() => downloader.DownloadAsync(server.Url("/gone"), PayloadSha, Path.Combine(_dir, "f"), null, CancellationToken.None));
        Assert.Contains("/gone: the server answered 404", e.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests); // an answer is not an interruption: no retries
    }

    [Fact]
    public async Task A_malformed_checksum_is_refused_before_any_request()
    {
        using var server = new LoopbackHttpServer((_, _, _) => Full());
        using var downloader = Downloader();
        var e = await Assert.ThrowsAsync<InputException>(() => downloader.DownloadAsync(server.Url("/d"), "abc", Path.Combine(_dir, "f"), null, CancellationToken.None));
        Assert.Contains("'abc' is not 64 hexadecimal digits", e.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Without_a_digest_the_file_is_kept_and_its_digest_returned()
    {
        using var server = new LoopbackHttpServer((_, _, _) => Full());
        using var downloader = Downloader();
        string target = Path.Combine(_dir, "data.bin");
        Assert.Equal(PayloadSha, await downloader.DownloadAsync(server.Url("/d"), null, target, null, CancellationToken.None));
        Assert.Equal(Payload, File.ReadAllBytes(target));
    }

    [Fact]
    public async Task Without_a_network_the_download_fails_at_once_naming_the_url_and_leaves_nothing()
    {
        Uri closed = ClosedPort.Url("/archive.zip");
        using var downloader = new HttpDatasetDownloader(options: new DownloadOptions { MaxAttempts = 5, RetryDelay = TimeSpan.FromSeconds(10) });
        string target = Path.Combine(_dir, "archive.zip");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<DownloadFailedException>(() => downloader.DownloadAsync(closed, null, target, null, CancellationToken.None));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}: a refused connection must not be retried");
        Assert.StartsWith($"{closed}: cannot connect", e.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_dir));
    }

    private sealed class SyncProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
