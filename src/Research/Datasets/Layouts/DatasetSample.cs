using Research.Imaging;

namespace Research.Datasets.Layouts;

/// <summary>What kind of truth a sample's mask files hold.</summary>
public enum TruthKind
{
    /// <summary>No truth (a test split, a CTC frame without annotation, or a classification set).</summary>
    None,

    /// <summary>One binary file per object (DSB2018).</summary>
    ObjectMasks,

    /// <summary>One instance label image (0 background, each object its own value).</summary>
    InstanceLabels,

    /// <summary>One semantic mask (binary or class intensities).</summary>
    SemanticMask,

    /// <summary>Run-length encoded rows of a CSV file.</summary>
    RleRows,
}

/// <summary>
/// One sample of any layout: its id, image file, truth files and metadata. Pixels are read only when asked for
/// (<see cref="Image"/>, <see cref="Instances"/>, <see cref="Semantic"/>), once, thread-safely.
/// </summary>
public sealed class DatasetSample
{
    private readonly Lazy<IImage> _image;
    private readonly Lazy<Image<ushort>?> _instances;
    private readonly Lazy<Image<byte>?> _semantic;
    private readonly Func<IImage> _loadImage;
    private readonly Func<Image<ushort>?> _loadInstances;
    private readonly Func<Image<byte>?> _loadSemantic;

    /// <summary>Creates a sample; the loaders run at most once, on first use.</summary>
    public DatasetSample(string id, string imagePath, TruthKind truth, IReadOnlyList<string> maskPaths,
        Func<IImage> loadImage, Func<Image<ushort>?>? loadInstances = null, Func<Image<byte>?>? loadSemantic = null,
        int? classLabel = null, IReadOnlyDictionary<string, string>? metadata = null)
    {
        Id = id;
        ImagePath = imagePath;
        Truth = truth;
        MaskPaths = maskPaths;
        ClassLabel = classLabel;
        Metadata = metadata ?? new Dictionary<string, string>();
        _loadImage = loadImage;
        _loadInstances = loadInstances ?? (() => null);
        _loadSemantic = loadSemantic ?? (() => null);
        _image = new Lazy<IImage>(_loadImage, LazyThreadSafetyMode.ExecutionAndPublication);
        _instances = new Lazy<Image<ushort>?>(_loadInstances, LazyThreadSafetyMode.ExecutionAndPublication);
        _semantic = new Lazy<Image<byte>?>(_loadSemantic, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Sample id (DSB ImageId, file stem, or <c>01/t003</c> for CTC).</summary>
    public string Id { get; }

    /// <summary>The image file.</summary>
    public string ImagePath { get; }

    /// <summary>What the mask files hold.</summary>
    public TruthKind Truth { get; }

    /// <summary>The truth files (empty when there is none; the CSV for RLE rows).</summary>
    public IReadOnlyList<string> MaskPaths { get; }

    /// <summary>Class index for classification layouts.</summary>
    public int? ClassLabel { get; }

    /// <summary>Layout-specific facts (CTC sequence and frame, truth quality, class name, ...).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>The image, as stored (grey or colour, 8 or 16 bits).</summary>
    public IImage Image => _image.Value;

    /// <summary>Instance labels (0 background, objects 1..n), or null when the layout has none.</summary>
    public Image<ushort>? Instances => _instances.Value;

    /// <summary>Semantic mask (class values of the manifest's class map; binary masks as 0/1), or null.</summary>
    public Image<byte>? Semantic => _semantic.Value;

    /// <summary>Reads the image again without keeping it (for loaders that bound their own memory, such as training).</summary>
    public IImage ReadImage() => _loadImage();

    /// <summary>Reads the instance labels again without keeping them; null when the layout has none.</summary>
    public Image<ushort>? ReadInstances() => _loadInstances();

    /// <summary>Reads the semantic mask again without keeping it; null when the layout has none.</summary>
    public Image<byte>? ReadSemantic() => _loadSemantic();
}
