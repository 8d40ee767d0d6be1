using System.Text.Json;
using Research.Datasets.Download;
using Research.Datasets.Manifests;
using static Research.Tests.Datasets.Download.LoopbackHttpServer;

namespace Research.Tests.Datasets.Download;

public sealed class DatasetFetcherTests : IDisposable
{
    private readonly FetchFixture _fixture = new(TestSupport.Repository.PathOf("data-manifests"));

    public void Dispose() => _fixture.Dispose();

    private static HttpDatasetDownloader Downloader(int attempts = 3) => new(options: new DownloadOptions { MaxAttempts = attempts, RetryDelay = TimeSpan.Zero });

    private Reply Ranged(string? range)
    {
        if (range is null) return new("200 OK", _fixture.Archive, []);
        int from = int.Parse(range["bytes=".Length..].TrimEnd('-'), System.Globalization.CultureInfo.InvariantCulture);
        return new("206 Partial Content", _fixture.Archive[from..], [$"Content-Range: bytes {from}-{_fixture.Archive.Length - 1}/{_fixture.Archive.Length}"]);
    }

    private async Task<FetchResult> Fetch(Uri url, string? manifestSha = null, FetchOptions? options = null, int attempts = 3)
    {
        DatasetManifest manifest = ManifestLoader.Load(_fixture.WriteManifest(url, manifestSha));
        using var downloader = Downloader(attempts);
        return await new DatasetFetcher(downloader).FetchAsync(manifest, _fixture.Out, options, null, CancellationToken.None);
    }

    [Fact]
    public async Task Without_a_published_digest_the_first_download_is_trusted_recorded_laid_out_and_validated()
    {
        using var server = new LoopbackHttpServer((_, range, _) => Ranged(range));
        FetchResult result = await Fetch(server.Url("/CHASEDB1.zip"));
        Assert.True(result.Valid, string.Join("\n", result.Validation.Splits.SelectMany(s => s.Problems)));
        Assert.Equal(2, result.Validation.Splits.Single().Images);
        Assert.True(File.Exists(Path.Combine(_fixture.Out, "Image_01L.png")), "the archive's lone top folder CHASEDB1/ is dropped: the files land in the dataset root");
        Assert.Contains(result.Steps, s => s.Contains($"first download is trusted: SHA-256 {_fixture.Sha256}", StringComparison.Ordinal));
        using var record = JsonDocument.Parse(File.ReadAllText(Path.Combine(_fixture.Out, "chase-db1.fetch.json")));
        JsonElement file = record.RootElement.GetProperty("files")[0];
        Assert.Equal((server.Url("/CHASEDB1.zip").ToString(), _fixture.Sha256, (long)_fixture.Archive.Length, "first_use", true),
            (file.GetProperty("url").GetString(), file.GetProperty("sha256").GetString(), file.GetProperty("bytes").GetInt64(), file.GetProperty("trust").GetString(), file.GetProperty("unpacked").GetBoolean()));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", file.GetProperty("date").GetString());

        FetchResult again = await Fetch(server.Url("/CHASEDB1.zip"));
        Assert.True(again.Valid);
        Assert.Single(server.Requests);
        Assert.Contains(again.Steps, s => s.Contains("as recorded by the first download here", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_digest_from_the_manifest_or_from_another_machine_is_checked_and_a_wrong_one_leaves_nothing()
    {
        using var server = new LoopbackHttpServer((_, range, _) => Ranged(range));
        Assert.Equal(FetchTrust.Manifest, (await Fetch(server.Url("/a.zip"), manifestSha: _fixture.Sha256)).Record.Files[0].Trust);
        Directory.Delete(_fixture.Out, recursive: true);

        string wrong = new('0', 64);
        var e = await Assert.ThrowsAsync<DownloadFailedException>(() => Fetch(server.Url("/a.zip"), options: new FetchOptions { ExpectedSha256 = new Dictionary<string, string> { ["CHASEDB1.zip"] = wrong } }));
        Assert.Contains($"expected {wrong}, got {_fixture.Sha256}", e.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(_fixture.Out, ".downloads")));
        Assert.False(File.Exists(Path.Combine(_fixture.Out, "chase-db1.fetch.json")));

        var ok = await Fetch(server.Url("/a.zip"), options: new FetchOptions { ExpectedSha256 = new Dictionary<string, string> { [""] = _fixture.Sha256.ToUpperInvariant() } });
        Assert.Equal((FetchTrust.Expected, true), (ok.Record.Files[0].Trust, ok.Valid));
    }

    [Fact]
    public async Task Without_a_network_fetch_fails_within_seconds_naming_the_url_and_leaves_no_file()
    {
        Uri url = ClosedPort.Url("/CHASEDB1.zip");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<DownloadFailedException>(() => Fetch(url, attempts: 5));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), clock.Elapsed.ToString());
        Assert.Contains(url.ToString(), e.Message, StringComparison.Ordinal);
        Assert.Equal([Path.Combine(_fixture.Out, ".downloads")], Directory.GetFileSystemEntries(_fixture.Out));
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(_fixture.Out, ".downloads")));
    }

    [Fact]
    public async Task An_interrupted_fetch_leaves_a_partial_file_that_the_next_run_resumes()
    {
        int half = _fixture.Archive.Length / 2;
        using var server = new LoopbackHttpServer((_, range, index) => index == 0 ? new Reply("200 OK", _fixture.Archive, [], SendOnly: half) : Ranged(range));
        await Assert.ThrowsAsync<DownloadFailedException>(() => Fetch(server.Url("/c.zip"), attempts: 1));
        Assert.Equal(half, new FileInfo(Path.Combine(_fixture.Out, ".downloads", "CHASEDB1.zip.part")).Length);
        Assert.False(File.Exists(Path.Combine(_fixture.Out, "chase-db1.fetch.json")));

        FetchResult resumed = await Fetch(server.Url("/c.zip"), attempts: 1);
        Assert.True(resumed.Valid);
        Assert.Equal($"bytes={half}-", server.Requests[1].Range);
        Assert.Equal(_fixture.Sha256, resumed.Record.Files[0].Sha256);
    }

    [Fact]
    public async Task A_run_killed_after_the_download_but_before_the_layout_lays_it_out_next_time()
    {
        using var server = new LoopbackHttpServer((_, range, _) => Ranged(range));
        await Fetch(server.Url("/d.zip"));
        // The state a kill leaves between "download recorded" and "laid out": the record says not unpacked, the files are gone,
        // and a staging folder of the interrupted extraction is left behind.
        string recordPath = Path.Combine(_fixture.Out, "chase-db1.fetch.json");
        var record = FetchRecord.Load(recordPath, "chase-db1");
        record.With(record.Files[0] with { Unpacked = false }).Save(recordPath);
        foreach (string f in Directory.GetFiles(_fixture.Out, "Image_*")) File.Delete(f);
        Directory.CreateDirectory(Path.Combine(_fixture.Out, ".downloads", ".CHASEDB1.zip.unpacked.staging-1-x"));

        FetchResult result = await Fetch(server.Url("/d.zip"));
        Assert.True(result.Valid);
        Assert.Single(server.Requests);
        Assert.Equal(["CHASEDB1.zip"], Directory.GetFileSystemEntries(Path.Combine(_fixture.Out, ".downloads")).Select(Path.GetFileName));
    }
}
