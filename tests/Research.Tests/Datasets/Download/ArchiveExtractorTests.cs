using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Research.Datasets.Download;

namespace Research.Tests.Datasets.Download;

public sealed class ArchiveExtractorTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "research-archive-tests", Guid.NewGuid().ToString("N"));

    public ArchiveExtractorTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Zip(params (string Name, string Text)[] entries)
    {
        string path = Path.Combine(_dir, "a.zip");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, text) in entries)
        {
            using var s = zip.CreateEntry(name).Open();
            s.Write(Encoding.UTF8.GetBytes(text));
        }
        return path;
    }

    private string TarGz(params TarEntry[] entries)
    {
        string path = Path.Combine(_dir, "a.tar.gz");
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var tar = new TarWriter(gzip, TarEntryFormat.Pax);
        foreach (var entry in entries) tar.WriteEntry(entry);
        return path;
    }

    private static PaxTarEntry FileEntry(string name, string text) =>
        new(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)) };

    private static PaxTarEntry Link(string name, string target) => new(TarEntryType.SymbolicLink, name) { LinkName = target };

    [Fact]
    public void A_normal_zip_is_extracted()
    {
        string target = Path.Combine(_dir, "out");
        Assert.Equal(2, ArchiveExtractor.Extract(Zip(("top.txt", "1"), ("d/e/inner.txt", "2")), target));
        Assert.Equal("1", File.ReadAllText(Path.Combine(target, "top.txt")));
        Assert.Equal("2", File.ReadAllText(Path.Combine(target, "d", "e", "inner.txt")));
    }

    [Fact]
    public void A_normal_tar_gz_with_an_inside_link_is_extracted()
    {
        string target = Path.Combine(_dir, "out");
        var archive = TarGz(new PaxTarEntry(TarEntryType.Directory, "d/"), FileEntry("d/f.txt", "hello"), Link("d/l", "f.txt"));
        Assert.Equal(1, ArchiveExtractor.Extract(archive, target));
        Assert.Equal("hello", File.ReadAllText(Path.Combine(target, "d", "f.txt")));
        Assert.Equal("hello", File.ReadAllText(Path.Combine(target, "d", "l")));
    }

    [Theory]
    [InlineData("../evil")]
    [InlineData("ok/../../evil")]
    [InlineData("/tmp/evil")]
    [InlineData("..\\evil")]
    public void A_zip_entry_escaping_the_folder_is_refused_and_nothing_is_written(string name)
    {
        string target = Path.Combine(_dir, "out");
        var e = Assert.Throws<InputException>(() => ArchiveExtractor.Extract(Zip(("fine.txt", "x"), (name, "bad")), target));
        Assert.Contains($"entry '{name}'", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(target));
        Assert.False(File.Exists(Path.Combine(_dir, "evil")));
        Assert.Empty(Directory.GetDirectories(_dir, ".*staging*"));
    }

    [Fact]
    public void A_tar_gz_entry_escaping_the_folder_is_refused()
    {
        string target = Path.Combine(_dir, "out");
        var e = Assert.Throws<InputException>(() => ArchiveExtractor.Extract(TarGz(FileEntry("../evil", "bad")), target));
        Assert.Contains("entry '../evil' escapes the target folder", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(target));
        Assert.False(File.Exists(Path.Combine(_dir, "evil")));
    }

    public static TheoryData<string, string> EscapingLinks => new()
    {
        { "up", "../../outside" },
        { "abs", "/etc" },
    };

    [Theory]
    [MemberData(nameof(EscapingLinks))]
    public void Symbolic_links_pointing_outside_are_refused(string name, string linkTarget)
    {
        string target = Path.Combine(_dir, "out");
        var e = Assert.Throws<InputException>(() => ArchiveExtractor.Extract(TarGz(Link(name, linkTarget)), target));
        Assert.Contains($"entry '{name}'", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(target));
    }

    [Fact]
    public void A_link_that_escapes_only_through_another_link_is_refused()
    {
        // "here" -> "." is inside; "x" -> "here/.." looks inside as text but really is the folder's parent.
        var archive = TarGz(Link("here", "."), Link("x", "here/.."), FileEntry("x/evil", "bad"));
        var e = Assert.Throws<InputException>(() => ArchiveExtractor.Extract(archive, Path.Combine(_dir, "out")));
        Assert.Contains("entry 'x' escapes", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "evil")));
    }

    [Fact]
    public void A_file_written_through_an_inside_link_to_a_folder_lands_inside()
    {
        string target = Path.Combine(_dir, "out");
        var archive = TarGz(new PaxTarEntry(TarEntryType.Directory, "real/"), Link("alias", "real"), FileEntry("alias/f.txt", "via link"));
        ArchiveExtractor.Extract(archive, target);
        Assert.Equal("via link", File.ReadAllText(Path.Combine(target, "real", "f.txt")));
    }

    [Fact]
    public void Unknown_extensions_and_non_empty_targets_are_refused()
    {
        Assert.Contains("not a supported archive", Assert.Throws<InputException>(() => ArchiveExtractor.KindOf("x.rar")).Message, StringComparison.Ordinal);
        string target = Path.Combine(_dir, "full");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "keep"), "k");
        Assert.Throws<InputException>(() => ArchiveExtractor.Extract(Zip(("a", "b")), target));
        Assert.Equal("k", File.ReadAllText(Path.Combine(target, "keep")));
    }
}
