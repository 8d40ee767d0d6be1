using Research.Imaging;
using Research.Processing;
using Research.Processing.Pipeline;

namespace Research.Reproductions;

/// <summary>
/// The BH2019 study's preprocessing as this project runs it (tests/quality/bh2019-common.sh): resize to a square
/// (area interpolation), CLAHE, gamma; min-max normalisation to [0, 1] last, applied by training and prediction
/// (CLAHE needs integer samples). The study states neither a CLAHE clip limit nor a gamma: the defaults are ours.
/// </summary>
public sealed record Bh2019Preprocessing
{
    /// <summary>Side of the square the images are resized to. <value>The default value is 512.</value></summary>
    public int Size { get; init; } = 512;

    /// <summary>CLAHE clip limit (OpenCV semantics). <value>The default value is 2.0.</value></summary>
    public double ClipLimit { get; init; } = 2.0;

    /// <summary>CLAHE tile grid, per side. <value>The default value is 8.</value></summary>
    public int Tiles { get; init; } = 8;

    /// <summary>Gamma exponent. <value>The default value is 1.2.</value></summary>
    public double Gamma { get; init; } = 1.2;

    /// <summary>The pipeline written to disk (resize, CLAHE, gamma): what <c>research preprocess</c> runs.</summary>
    public PreprocessPipeline Pipeline() => new([.. Steps()]);

    /// <summary>The image after each step, with the step's name and parameters, ending with the min-max normalisation.</summary>
    public IReadOnlyList<(string Step, IImage Image)> Trace(IImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var result = new List<(string, IImage)> { ($"original {image.Width}x{image.Height}", image) };
        foreach (var step in Steps())
        {
            image = step.Apply(image);
            result.Add((Describe(step), image));
        }
        var normalize = new NormalizeStep { Method = NormalizationMethod.MinMax };
        result.Add(("min-max to [0, 1] (training and prediction)", normalize.Apply(image)));
        return result;
    }

    /// <summary>
    /// Preprocesses the first <paramref name="count"/> images (ordinal order) of a split of <paramref name="data"/>
    /// with <see cref="Pipeline"/> into <paramref name="output"/><c>/images</c>, their masks (when the split has
    /// them) resized by nearest neighbour into <c>/masks</c>, and <c>pipeline.json</c>: the layout of the manifest, so
    /// the folder trains and predicts as a split. Returns the ids written.
    /// </summary>
    public IReadOnlyList<string> WriteSplit(Bh2019Data data, string split, string output, int count = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(data);
        var pipeline = Pipeline();
        string images = Path.Combine(output, "images"), masks = Path.Combine(output, "masks");
        Directory.CreateDirectory(images);
        bool hasMasks = Directory.Exists(data.Masks(split));
        if (hasMasks) Directory.CreateDirectory(masks);
        var ids = new List<string>();
        foreach (string file in Directory.EnumerateFiles(data.Images(split), "*.png").Order(StringComparer.Ordinal).Take(count))
        {
            string name = Path.GetFileName(file);
            Imaging.Codecs.ImageFile.Write(Path.Combine(images, name), pipeline.Apply(Imaging.Codecs.ImageFile.Read(file)));
            if (hasMasks) Imaging.Codecs.ImageFile.Write(Path.Combine(masks, name), pipeline.ApplyToMask(Imaging.Codecs.ImageFile.Read(Path.Combine(data.Masks(split), name))));
            ids.Add(Path.GetFileNameWithoutExtension(name));
        }
        IO.AtomicFile.WriteAllText(Path.Combine(output, "pipeline.json"), pipeline.ToJson() + "\n");
        return ids;
    }

    private IEnumerable<IPreprocessStep> Steps() =>
    [
        new ResizeStep { Width = Size, Height = Size, Interpolation = ResizeInterpolation.Area },
        new ClaheStep { ClipLimit = ClipLimit, TilesX = Tiles, TilesY = Tiles },
        new GammaStep { Gamma = Gamma },
    ];

    private static string Describe(IPreprocessStep step) => step switch
    {
        ResizeStep r => $"resize {r.Width}x{r.Height} (area)",
        ClaheStep c => $"CLAHE clip {c.ClipLimit.ToString(System.Globalization.CultureInfo.InvariantCulture)}, {c.TilesX}x{c.TilesY} tiles",
        GammaStep g => $"gamma {g.Gamma.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
        _ => step.GetType().Name,
    };
}
