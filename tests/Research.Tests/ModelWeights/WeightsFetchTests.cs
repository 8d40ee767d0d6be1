using System.Text;
using Research.Datasets.Download;
using Research.ModelWeights;
using Research.Tests.Datasets.Download;
using Research.Tests.Imaging.Codecs;

namespace Research.Tests.ModelWeights;

public sealed class WeightsFetchTests
{
    private static readonly byte[] Abc = Encoding.ASCII.GetBytes("abc");

    // SHA-256("abc"), the FIPS 180-2 example.
    private const string AbcSha256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    private static ModelManifest Manifest(Uri url, string sha256 = AbcSha256, long? bytes = 3) => new()
    {
        Id = "tiny", Name = "Tiny", Family = "sam", Variant = "vit-t", File = "tiny.pt", Url = url.ToString(), Page = "https://example.org/",
        Bytes = bytes, Sha256 = sha256, ChecksumSource = "test", Licence = "Apache-2.0", Citation = "test", SourceFile = "/m/tiny.yaml",
    };

    [Fact]
    public void A_file_is_checked_against_size_and_digest()
    {
        using var temp = new TempFolder();
        string path = temp.File("tiny.pt");
        File.WriteAllBytes(path, Abc);
        var good = WeightsCheck.Of(path, Manifest(new Uri("https://example.org/tiny.pt")));
        Assert.True(good.Valid);
        Assert.Equal((3L, AbcSha256), (good.Bytes, good.Sha256));

        File.WriteAllBytes(path, Encoding.ASCII.GetBytes("abd"));
        var bad = WeightsCheck.Of(path, Manifest(new Uri("https://example.org/tiny.pt")));
        Assert.False(bad.Valid);
        Assert.Contains($"the manifest says {AbcSha256}", Assert.Single(bad.Problems), StringComparison.Ordinal);

        var unchecked_ = WeightsCheck.Of(path, Manifest(new Uri("https://example.org/tiny.pt"), sha256: "", bytes: null));
        Assert.False(unchecked_.Checked);
        Assert.False(unchecked_.Valid);
        Assert.Throws<InputException>(() => WeightsCheck.Of(temp.File("absent.pt"), Manifest(new Uri("https://example.org/tiny.pt"))));
    }

    [Fact]
    public async Task Fetch_puts_the_verified_file_in_place_and_keeps_a_verified_copy()
    {
        using var temp = new TempFolder();
        using var server = new LoopbackHttpServer((_, _, _) => new LoopbackHttpServer.Reply("200 OK", Abc, []));
        using var http = new HttpDatasetDownloader();
        var fetcher = new WeightsFetcher(http);
        string dir = temp.File("weights");
        var first = await fetcher.FetchAsync(Manifest(server.Url("/tiny.pt")), dir, null, CancellationToken.None);
        Assert.True(first.Downloaded);
        Assert.Equal(Abc, File.ReadAllBytes(Path.Combine(dir, "tiny.pt")));
        var second = await fetcher.FetchAsync(Manifest(server.Url("/tiny.pt")), dir, null, CancellationToken.None);
        Assert.False(second.Downloaded);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_wrong_digest_leaves_nothing_under_the_file_name()
    {
        using var temp = new TempFolder();
        using var server = new LoopbackHttpServer((_, _, _) => new LoopbackHttpServer.Reply("200 OK", Encoding.ASCII.GetBytes("abd"), []));
        using var http = new HttpDatasetDownloader();
        string dir = temp.File("weights");
        var error = await Assert.ThrowsAsync<DownloadFailedException>(() => new WeightsFetcher(http).FetchAsync(Manifest(server.Url("/tiny.pt")), dir, null, CancellationToken.None));
        Assert.Contains("SHA-256 mismatch", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir));
    }

    [Fact]
    public async Task Bad_folders_and_manifests_without_a_digest_are_refused_before_any_download()
    {
        using var temp = new TempFolder();
        using var http = new HttpDatasetDownloader();
        var fetcher = new WeightsFetcher(http);
        var noParent = await Assert.ThrowsAsync<InputException>(() => fetcher.FetchAsync(Manifest(ClosedPort.Url("/tiny.pt")), temp.File("a/b"), null, CancellationToken.None));
        Assert.Contains("parent folder", noParent.Message, StringComparison.Ordinal);
        var noDigest = await Assert.ThrowsAsync<InputException>(() => fetcher.FetchAsync(Manifest(ClosedPort.Url("/tiny.pt"), sha256: ""), temp.File("w"), null, CancellationToken.None));
        Assert.Contains("no SHA-256 is recorded", noDigest.Message, StringComparison.Ordinal);
        var offline = await Assert.ThrowsAsync<DownloadFailedException>(() => fetcher.FetchAsync(Manifest(ClosedPort.Url("/tiny.pt")), temp.File("w"), null, CancellationToken.None));
        Assert.Contains("cannot connect", offline.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(temp.File("w"), "tiny.pt")));
    }
}
