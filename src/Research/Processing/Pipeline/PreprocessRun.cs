using System.Globalization;
using System.Text;
using Research.Imaging;
using Research.Imaging.Codecs;
using Research.IO;

namespace Research.Processing.Pipeline;

/// <summary>
/// Applies a <see cref="PreprocessPipeline"/> to one image file or every image file of a folder (not recursive), writing
/// <c>OUT/&lt;name&gt;.&lt;ext&gt;</c> (float results as .tif) and <c>OUT/pipeline.json</c>; with masks
/// (<see cref="PreprocessRunOptions.Masks"/>) also <c>OUT/masks/&lt;name&gt;</c>; with tiling
/// (<see cref="PreprocessRunOptions.Tile"/>) every result is written as tiles <c>&lt;stem&gt;_yYYYY_xXXXX.&lt;ext&gt;</c>
/// (masks likewise) and <c>OUT/tiles.csv</c> records <c>file,source,x,y,width,height</c>: the tile's top-left corner
/// in the processed image and how much of it lies inside (the rest is zero padding), enough to stitch predictions back.
/// The folder appears only when complete.
/// </summary>
public static class PreprocessRun
{
    private static readonly string[] Extensions = [".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff"];

    /// <summary>The name of the tile index.</summary>
    public const string TilesFile = "tiles.csv";

    /// <summary>Runs the pipeline; returns the files written (relative to the output folder).</summary>
    public static IReadOnlyList<string> Run(PreprocessPipeline pipeline, string input, string outputFolder, bool force, IProgress<int>? progress = null,
        PreprocessRunOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        options ??= new PreprocessRunOptions();
        options.Validate();
        string[] files = Directory.Exists(input)
            ? [.. Directory.EnumerateFiles(input).Where(IsImage).Order(StringComparer.Ordinal)]
            : File.Exists(input) ? [input] : throw new InputException($"{input}: no such file or folder; give an image file or a folder of images with --input.");
        if (files.Length == 0) throw new InputException($"{input}: the folder holds no .png, .jpg, .bmp or .tif images.");
        var masks = options.Masks is null ? null : MaskIndex(options.Masks);
        using var output = OutputFolder.Begin(outputFolder, force);
        var written = new List<string>();
        var tiles = new StringBuilder("file,source,x,y,width,height\n");
        for (int i = 0; i < files.Length; i++)
        {
            string file = files[i], stem = Path.GetFileNameWithoutExtension(file);
            ImageFile.FormatFromExtension(file);
            var image = ImageFile.Read(file);
            string? maskFile = null;
            IImage? mask = null;
            if (masks is not null)
            {
                maskFile = masks.GetValueOrDefault(stem)
                    ?? throw new InputException($"{file}: no mask named '{stem}.*' in {options.Masks}; every image needs its mask (same file stem).");
                mask = ImageFile.Read(maskFile);
                if (mask.Width != image.Width || mask.Height != image.Height)
                    throw new InputException($"{maskFile}: {mask.Width} x {mask.Height} px, but its image {file} is {image.Width} x {image.Height} px.");
            }
            var result = pipeline.Apply(image);
            string extension = Extension(result, file);
            Write(output, written, tiles, result, stem, extension, "", options);
            if (mask is not null) Write(output, written, null, pipeline.ApplyToMask(mask), stem, Extension(mask, maskFile!), "masks/", options);
            progress?.Report(i + 1);
        }
        if (options.Tile > 0)
        {
            AtomicFile.WriteAllText(output.PathFor(TilesFile), tiles.ToString());
            written.Add(TilesFile);
        }
        AtomicFile.WriteAllText(output.PathFor("pipeline.json"), pipeline.ToJson() + "\n");
        written.Add("pipeline.json");
        output.Commit();
        return written;
    }

    private static bool IsImage(string path) => Extensions.Contains(Path.GetExtension(path).ToLowerInvariant());

    private static Dictionary<string, string> MaskIndex(string folder)
    {
        var index = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string file in Directory.EnumerateFiles(folder).Where(IsImage).Order(StringComparer.Ordinal))
        {
            string stem = Path.GetFileNameWithoutExtension(file);
            if (!index.TryAdd(stem, file)) throw new InputException($"{folder}: two masks have the stem '{stem}' ({Path.GetFileName(index[stem])}, {Path.GetFileName(file)}); keep one.");
        }
        return index;
    }

    // Float and 32-bit integer results can only be written as TIFF.
    private static string Extension(IImage image, string source) =>
        image.PixelType is PixelType.Float32 or PixelType.Int32 && ImageFile.FormatFromExtension(source) != ImageFormat.Tiff ? ".tif" : Path.GetExtension(source);

    private static void Write(OutputFolder output, List<string> written, StringBuilder? index, IImage image, string stem, string extension, string folder,
        PreprocessRunOptions options)
    {
        if (options.Tile == 0)
        {
            string name = folder + stem + extension;
            ImageFile.Write(output.PathFor(name), image);
            written.Add(name);
            return;
        }
        int stride = options.Stride > 0 ? options.Stride : options.Tile;
        foreach (var (x, y, tile) in Tiling.Cut(image, options.Tile, stride))
        {
            string name = string.Create(CultureInfo.InvariantCulture, $"{folder}{stem}_y{y:D4}_x{x:D4}{extension}");
            ImageFile.Write(output.PathFor(name), tile);
            written.Add(name);
            int width = Math.Min(options.Tile, image.Width - x), height = Math.Min(options.Tile, image.Height - y);
            index?.Append(CultureInfo.InvariantCulture, $"{Path.GetFileName(name)},{stem},{x},{y},{width},{height}\n");
        }
    }
}
