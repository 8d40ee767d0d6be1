using Research.Datasets.Manifests;
using Research.Imaging;
using Research.Imaging.Codecs;

namespace Research.Tests.Datasets.Layouts;

/// <summary>Builds miniature datasets in a temporary folder, and manifests for them, for the reader and validator tests.</summary>
internal sealed class MiniData : IDisposable
{
    public MiniData() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "research-mini-data", Guid.NewGuid().ToString("N"));

    public string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>Writes an 8-bit grey image where <paramref name="pixel"/> gives each value.</summary>
    public string Grey(string relative, int width, int height, Func<int, int, byte> pixel)
    {
        var image = new Image<byte>(width, height);
        for (int y = 0; y < height; y++) for (int x = 0; x < width; x++) image[x, y] = pixel(x, y);
        return Write(relative, image);
    }

    /// <summary>Writes a 16-bit single-channel image (labels or a 16-bit frame).</summary>
    public string Words(string relative, int width, int height, Func<int, int, ushort> pixel)
    {
        var image = new Image<ushort>(width, height);
        for (int y = 0; y < height; y++) for (int x = 0; x < width; x++) image[x, y] = pixel(x, y);
        return Write(relative, image);
    }

    /// <summary>A binary mask (0/255) of the rectangle [x0, x1) x [y0, y1).</summary>
    public string Rect(string relative, int width, int height, int x0, int y0, int x1, int y1, byte on = 255) =>
        Grey(relative, width, height, (x, y) => x >= x0 && x < x1 && y >= y0 && y < y1 ? on : (byte)0);

    public string Write(string relative, IImage image)
    {
        string path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        ImageFile.Write(path, image);
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }

    /// <summary>A manifest for the miniature dataset.</summary>
    public static DatasetManifest Manifest(LayoutSpec layout, MaskSpec masks, params SplitSpec[] splits) => new()
    {
        Id = "mini", Name = "Mini", Version = "1", Summary = "test", Homepage = "https://example.org",
        Licence = new LicenceInfo { Terms = "test" }, Citations = [new Citation { Bibtex = "@misc{m}" }],
        Organism = "none", Tissue = "none", Tasks = [DatasetTask.Instance], Layout = layout, Masks = masks,
        Splits = splits.Length > 0 ? splits : [new SplitSpec { Name = "all", Folder = "." }],
        Obtain = new ObtainSpec { Manual = ["make"] }, Datasheet = new DatasheetAnswers(), SourceFile = "mini.yaml",
    };

    public static MaskSpec Binary(MaskEncoding encoding = MaskEncoding.InstancePerFile) =>
        new() { Encoding = encoding, ClassMap = new Dictionary<int, string> { [0] = "background", [255] = "object" } };
}
