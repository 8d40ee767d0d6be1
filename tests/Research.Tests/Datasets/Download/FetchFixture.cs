using System.IO.Compression;
using System.Security.Cryptography;
using Research.Imaging;
using Research.Imaging.Codecs;

namespace Research.Tests.Datasets.Download;

/// <summary>
/// A two-image CHASE_DB1-like archive (wrapped in a top folder CHASEDB1/, as some hosts pack it) and a manifests folder
/// holding the real chase-db1.yaml with its URL pointed at a loopback server and its count set to 2.
/// </summary>
internal sealed class FetchFixture : IDisposable
{
    public FetchFixture(string manifestSource)
    {
        Directory.CreateDirectory(Folder);
        string top = Path.Combine(Folder, "src", "CHASEDB1");
        foreach (string id in new[] { "Image_01L", "Image_01R" })
        {
            Write(Path.Combine(top, id + ".png"), 12, 10, 90);
            Write(Path.Combine(top, id + "_1stHO.png"), 12, 10, 255);
            Write(Path.Combine(top, id + "_2ndHO.png"), 12, 10, 255);
        }
        string zip = Path.Combine(Folder, "CHASEDB1.zip");
        ZipFile.CreateFromDirectory(top, zip, CompressionLevel.Fastest, includeBaseDirectory: true);
        Archive = File.ReadAllBytes(zip);
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(Archive));
        ManifestText = File.ReadAllText(Path.Combine(manifestSource, "chase-db1.yaml")).Replace("images: 28", "images: 2", StringComparison.Ordinal);
        Directory.CreateDirectory(Manifests);
        Directory.CreateDirectory(Path.GetDirectoryName(Out)!);
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "research-fetch-tests", Guid.NewGuid().ToString("N"));

    public string Manifests => Path.Combine(Folder, "manifests");

    public string Out => Path.Combine(Folder, "out", "chase");

    public byte[] Archive { get; }

    public string Sha256 { get; }

    private string ManifestText { get; }

    /// <summary>Writes the manifest with its download URL set to <paramref name="url"/>; returns its path.</summary>
    public string WriteManifest(Uri url, string? sha256 = null)
    {
        string text = System.Text.RegularExpressions.Regex.Replace(ManifestText, "url: \"https://researchinnovation[^\"]*\"", $"url: \"{url}\"");
        if (sha256 is not null) text = text.Replace("      file: \"CHASEDB1.zip\"", $"      file: \"CHASEDB1.zip\"\n      sha256: \"{sha256}\"", StringComparison.Ordinal);
        string path = Path.Combine(Manifests, "chase-db1.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }

    private static void Write(string path, int width, int height, byte value)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var image = new Image<byte>(width, height);
        image.Span.Fill(value);
        ImageFile.Write(path, image);
    }
}
