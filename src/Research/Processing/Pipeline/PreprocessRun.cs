using Research.Imaging.Codecs;
using Research.IO;

namespace Research.Processing.Pipeline;

/// <summary>
/// Applies a <see cref="PreprocessPipeline"/> to one image file or every image file of a folder (not recursive), writing
/// <c>OUT/&lt;name&gt;.&lt;ext&gt;</c> (float results as .tif) and <c>OUT/pipeline.json</c>. The folder appears only when complete.
/// </summary>
public static class PreprocessRun
{
    private static readonly string[] Extensions = [".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff"];

    /// <summary>Runs the pipeline; returns the files written (relative to the output folder).</summary>
    public static IReadOnlyList<string> Run(PreprocessPipeline pipeline, string input, string outputFolder, bool force, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        string[] files = Directory.Exists(input)
            ? [.. Directory.EnumerateFiles(input).Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant())).Order(StringComparer.Ordinal)]
            : File.Exists(input) ? [input] : throw new InputException($"{input}: no such file or folder; give an image file or a folder of images with --input.");
        if (files.Length == 0) throw new InputException($"{input}: the folder holds no .png, .jpg, .bmp or .tif images.");
        using var output = OutputFolder.Begin(outputFolder, force);
        var written = new List<string>();
        for (int i = 0; i < files.Length; i++)
        {
            ImageFile.FormatFromExtension(files[i]);
            string path = pipeline.ProcessFile(files[i], output.PathFor(Path.GetFileName(files[i])));
            written.Add(Path.GetRelativePath(output.Staging, path));
            progress?.Report(i + 1);
        }
        AtomicFile.WriteAllText(output.PathFor("pipeline.json"), pipeline.ToJson() + "\n");
        written.Add("pipeline.json");
        output.Commit();
        return written;
    }
}
