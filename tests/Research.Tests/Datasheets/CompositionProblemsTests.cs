using Research.Datasets.Layouts;
using Research.Datasets.Manifests;
using Research.Datasets.Validation;
using Research.Datasheets;
using Research.Imaging;
using Research.Imaging.Codecs;

namespace Research.Tests.Datasheets;

/// <summary>A tiny Kaggle-DSB copy with one of each problem; every count is known by construction.</summary>
public sealed class CompositionProblemsTests : IDisposable
{
    private readonly string _parent = Directory.CreateTempSubdirectory("research-datasheet-").FullName;

    /// <summary>The copy is the folder of split stage1_train itself (accepted as --root with a note).</summary>
    private readonly string _root;

    public CompositionProblemsTests()
    {
        _root = Path.Combine(_parent, "stage1_train");
        var grey = new Image<byte>(4, 4, 4);
        for (int i = 0; i < 16; i++) { grey.Data[4 * i] = grey.Data[4 * i + 1] = grey.Data[4 * i + 2] = 10; grey.Data[4 * i + 3] = 255; }
        Write("a/images/a.png", grey);
        Write("a/masks/m1.png", Mask(4, 4, (0, 0), (1, 0)));      // 2 pixels
        Write("a/masks/m2.png", Mask(4, 4, (1, 0), (2, 0), (3, 0))); // shares pixel (1, 0) with m1
        Write("a/masks/m3.png", Mask(4, 4));                      // empty
        Write("b/images/b.png", grey);                            // same pixels as a
        Write("b/masks/m1.png", Mask(3, 3, (0, 0)));              // wrong size
        File.WriteAllBytes(Path.Combine(_root, "b/masks/m2.png"), [0x89, 0x50, 0x4E, 0x47, 1, 2, 3]); // unreadable
        var colour = new Image<byte>(5, 2, 3);
        for (int i = 0; i < 10; i++) { colour.Data[3 * i] = 200; colour.Data[3 * i + 1] = 100; colour.Data[3 * i + 2] = 150; }
        Write("c/images/c.png", colour);                          // no masks folder
    }

    public void Dispose() => Directory.Delete(_parent, recursive: true);

    private static DatasetManifest Dsb() => ManifestRegistry.Load(TestSupport.Repository.PathOf("data-manifests")).Get("dsb2018");

    private void Write(string relative, Image<byte> image)
    {
        string path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        ImageFile.Write(path, image);
    }

    private static Image<byte> Mask(int w, int h, params (int X, int Y)[] on)
    {
        var m = new Image<byte>(w, h);
        foreach (var (x, y) in on) m[x, y, 0] = 255;
        return m;
    }

    [Fact]
    public void Every_problem_is_counted()
    {
        Composition c = CompositionAnalyzer.Analyze(Dsb(), _root, new LayoutReaders(), new CompositionOptions { Parallelism = 2 });
        DatasheetStats s = DatasheetStats.From(c);
        Assert.Equal(3, s.Images);
        Assert.Equal(2, s.Objects);
        Assert.Equal(1, s.EmptyMasks);
        Assert.Equal(1, s.OverlappingPixels);
        Assert.Equal(1, s.DuplicateImages);
        Assert.Equal(new Dictionary<string, int> { ["4x4"] = 2, ["5x2"] = 1 }, s.Sizes);
        Assert.Equal(new Dictionary<string, int> { ["RGBA"] = 2, ["RGB"] = 1 }, s.Modes);
        // Object areas 2 and 3 (m2 keeps its 3 pixels; the overlap is counted, not removed).
        Assert.Equal(new Summary(2, 2.5, 2.5, 3), s.ObjectArea);
        var kinds = c.Problems.Select(p => p.Kind).ToList();
        Assert.Contains(ProblemKind.SizeMismatch, kinds);
        Assert.Contains(ProblemKind.Unreadable, kinds);
        Assert.Contains(ProblemKind.DuplicateImage, kinds);
        Assert.Contains(ProblemKind.MissingMasks, kinds);
        Assert.Equal([ImageGroup.GreyDark, ImageGroup.GreyDark, ImageGroup.Colour], c.Rows.Select(r => r.Group));
        Assert.False(c.Rows[2].HasTruth);
        Assert.Equal(1, c.Rows[1].UnreadableFiles);
        // a.png: 16 pixels; m1 and m2 cover (0,0)..(3,0) of the first row, 4 pixels.
        Assert.Equal(4 / 16.0, c.Rows[0].ForegroundFraction, 12);
    }

    [Fact]
    public void Unreadable_files_are_reported_and_the_folder_is_still_written()
    {
        string outDir = Path.Combine(_root, "..", Path.GetFileName(_root) + "-out");
        try
        {
            DatasheetResult r = DatasheetWriter.Write(Dsb(), outDir, new DatasheetOptions { Root = _root, Parallelism = 1 });
            Assert.Equal(1, r.UnreadableFiles);
            string md = File.ReadAllText(Path.Combine(outDir, "datasheet.md"));
            Assert.Contains("| unreadable files | 1 |", md, StringComparison.Ordinal);
            Assert.Contains("| overlapping instance pixels | 1 |", md, StringComparison.Ordinal);
            Assert.Equal(["images", "objects", "objects_per_image", "object_area", "sizes", "modes", "empty_masks", "overlapping_pixels", "duplicate_images"],
                System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "stats.json"))).RootElement.EnumerateObject().Select(p => p.Name));
            var csv = File.ReadAllLines(Path.Combine(outDir, "per_image.csv"));
            Assert.Equal(4, csv.Length);
            Assert.Equal(string.Join(',', PerImageFrame.Columns), csv[0]);
            var e = Assert.Throws<InputException>(() => DatasheetWriter.Write(Dsb(), outDir, new DatasheetOptions { Root = _root }));
            Assert.Contains("--force", e.Message, StringComparison.Ordinal);
            DatasheetWriter.Write(Dsb(), outDir, new DatasheetOptions { Force = true });
            Assert.False(File.Exists(Path.Combine(outDir, "stats.json")));
        }
        finally
        {
            if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
        }
    }

    [Fact]
    public void A_root_without_samples_of_the_layout_is_a_clear_error()
    {
        string empty = Directory.CreateTempSubdirectory("research-empty-").FullName;
        try
        {
            var e = Assert.Throws<InputException>(() => CompositionAnalyzer.Analyze(Dsb(), empty, new LayoutReaders()));
            Assert.Contains("--root", e.Message, StringComparison.Ordinal);
        }
        finally { Directory.Delete(empty); }
    }
}
