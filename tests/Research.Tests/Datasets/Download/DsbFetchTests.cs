using System.IO.Compression;
using System.Text.RegularExpressions;
using Research.Datasets.Download;
using Research.Datasets.Manifests;
using Research.Imaging;
using Research.Imaging.Codecs;
using static Research.Tests.Datasets.Download.LoopbackHttpServer;

namespace Research.Tests.Datasets.Download;

/// <summary>
/// The real dsb2018 manifest, its three BBBC038 URLs pointed at a loopback server serving a one-image stage1_train.zip,
/// a one-image stage1_test.zip and a two-row stage1_solution.csv (counts set to match): fetch lays out both splits,
/// decodes the test truth into one PNG per row, and the copy validates.
/// </summary>
public sealed class DsbFetchTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("research-dsb-fetch-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Both_stage1_splits_are_laid_out_and_the_test_truth_is_decoded_from_the_solution_csv()
    {
        var (result, root) = await FetchDsb("t1");
        Assert.True(result.Valid, string.Join("\n", result.Validation.Splits.SelectMany(s => s.Problems).Concat(result.ContentProblems)));
        Assert.Equal([("stage1_train", 1, 1), ("stage1_test", 1, 2)], result.Validation.Splits.Select(s => (s.Split!, s.Images, s.Objects)));
        Assert.Equal([0, 6], ImageFile.Read<byte>(Path.Combine(root, "stage1_test/s1/masks/s1_0.png")).Data.Select((v, i) => (v, i)).Where(p => p.v == 255).Select(p => p.i));
        Assert.Equal([2, 8, 14], ImageFile.Read<byte>(Path.Combine(root, "stage1_test/s1/masks/s1_1.png")).Data.Select((v, i) => (v, i)).Where(p => p.v == 255).Select(p => p.i));
        Assert.Contains(result.Steps, s => s.EndsWith("decoded into 2 object masks of 1 images in stage1_test/<ImageId>/masks/", StringComparison.Ordinal));
        Assert.Contains(result.Steps, s => s.StartsWith("content: 0 file(s) checked against the project's SHA-256 list (0 differ), 735 listed but not in this download", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_image_the_project_knows_with_other_content_is_a_problem()
    {
        string listed = File.ReadLines(TestSupport.Repository.PathOf("data-manifests/dsb2018.sha256")).First(l => l.Contains("  stage1_train/", StringComparison.Ordinal));
        string id = listed.Split('/')[1];
        var (result, root) = await FetchDsb(id);
        Assert.False(result.Valid);
        Assert.True(result.Validation.Valid);
        var problem = Assert.Single(result.ContentProblems);
        Assert.Equal(Path.Combine(root, "stage1_train", id, "images", id + ".png"), problem.Path);
        Assert.EndsWith($"the project's copy has {listed[..64]}", problem.Message, StringComparison.Ordinal);
    }

    /// <summary>Fetches the dsb2018 manifest from the loopback server, with a one-image stage1_train whose ImageId is <paramref name="trainId"/>.</summary>
    private async Task<(FetchResult Result, string Root)> FetchDsb(string trainId)
    {
        var files = new Dictionary<string, byte[]>
        {
            ["/stage1_train.zip"] = Zip(($"{trainId}/images/{trainId}.png", Grey(6, 4, 40, [])), ($"{trainId}/masks/m1.png", Grey(6, 4, 0, [0, 1, 2]))),
            ["/stage1_test.zip"] = Zip(("s1/images/s1.png", Grey(6, 4, 40, []))),
            // Column-major, 1-based runs in a 6x4 image: pixels 1-2 are column 0, rows 0-1 (row-major 0, 6); pixels 9-11 are column 2, rows 0-2 (2, 8, 14).
            ["/stage1_solution.csv"] = System.Text.Encoding.ASCII.GetBytes("ImageId,EncodedPixels,Height,Width,Usage\ns1,1 2,4,6,Public\ns1,9 3,4,6,Public\n"),
        };
        using var server = new LoopbackHttpServer((path, _, _) => files.TryGetValue(path, out var body) ? new Reply("200 OK", body, []) : new Reply("404 Not Found", [], []));
        string manifests = Path.Combine(_dir, "manifests");
        Directory.CreateDirectory(manifests);
        string source = TestSupport.Repository.PathOf("data-manifests");
        File.Copy(Path.Combine(source, "dsb2018.sha256"), Path.Combine(manifests, "dsb2018.sha256"), overwrite: true);
        string yaml = Regex.Replace(File.ReadAllText(Path.Combine(source, "dsb2018.yaml")), @"https://data\.broadinstitute\.org/bbbc/BBBC038(/[\w.]+)", m => server.Url(m.Groups[1].Value).ToString())
            .Replace("images: 670", "images: 1", StringComparison.Ordinal).Replace("objects: 29461", "objects: 1", StringComparison.Ordinal)
            .Replace("images: 65", "images: 1", StringComparison.Ordinal).Replace("objects: 4152", "objects: 2", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(manifests, "dsb2018.yaml"), yaml);
        DatasetManifest manifest = ManifestLoader.Load(Path.Combine(manifests, "dsb2018.yaml"));
        using var downloader = new HttpDatasetDownloader(options: new DownloadOptions { MaxAttempts = 1 });
        string root = Path.Combine(_dir, "dsb2018");
        return (await new DatasetFetcher(downloader).FetchAsync(manifest, root, null, null, CancellationToken.None), root);
    }

    private byte[] Zip(params (string Name, Image<byte> Image)[] entries)
    {
        string folder = Path.Combine(_dir, "src-" + Guid.NewGuid().ToString("N"));
        foreach (var (name, image) in entries)
        {
            string path = Path.Combine(folder, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            ImageFile.Write(path, image);
        }
        string zip = folder + ".zip";
        ZipFile.CreateFromDirectory(folder, zip);
        return File.ReadAllBytes(zip);
    }

    private static Image<byte> Grey(int width, int height, byte background, int[] on)
    {
        var image = new Image<byte>(width, height);
        image.Span.Fill(background);
        foreach (int i in on) image.Data[i] = 255;
        return image;
    }
}
