using System.Collections.Concurrent;
using Research.Imaging.Codecs;
using Research.IO;

namespace Research.Datasets.Synthetic;

/// <summary>One written sample: its id, object count, relative paths and SHA-256 digests.</summary>
public sealed record SyntheticFileEntry(string Id, int Objects, string Image, string ImageSha256, string Labels, string LabelsSha256);

/// <summary>What <see cref="SyntheticDatasetWriter.Write"/> wrote: the index saved as <c>synthetic-nuclei.json</c>.</summary>
public sealed record SyntheticDatasetIndex(string Dataset, int AlgorithmVersion, SyntheticNucleiOptions Options, IReadOnlyList<SyntheticFileEntry> Samples)
{
    /// <summary>Total number of objects over all images.</summary>
    public int TotalObjects => Samples.Sum(s => s.Objects);
}

/// <summary>
/// Writes the synthetic dataset in the layout of the <c>synthetic</c> reader: <c>images/&lt;id&gt;.png</c> (8- or
/// 16-bit grey), <c>labels/&lt;id&gt;.tif</c> (16-bit instance labels, Deflate) and <c>synthetic-nuclei.json</c> (options,
/// algorithm version, object counts and SHA-256 of every file). For a given seed these files are byte-identical on
/// every run. Images are generated in parallel; the folder appears only when complete.
/// </summary>
public static class SyntheticDatasetWriter
{
    /// <summary>Name of the index file.</summary>
    public const string IndexFileName = "synthetic-nuclei.json";

    /// <summary>Writes the dataset into <paramref name="folder"/> (created; it must not exist or must be empty).</summary>
    /// <param name="options">Generator settings.</param>
    /// <param name="folder">Target folder.</param>
    /// <param name="progress">Receives the number of images written so far.</param>
    public static SyntheticDatasetIndex Write(SyntheticNucleiOptions options, string folder, IProgress<int>? progress = null)
    {
        var generator = new SyntheticNucleiGenerator(options);
        Directory.CreateDirectory(Path.Combine(folder, "images"));
        Directory.CreateDirectory(Path.Combine(folder, "labels"));
        var entries = new ConcurrentDictionary<int, SyntheticFileEntry>();
        int done = 0;
        Parallel.For(0, options.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, index =>
        {
            var sample = generator.Generate(index);
            string image = $"images/{sample.Id}.png";
            string labels = $"labels/{sample.Id}.tif";
            string imagePath = Path.Combine(folder, image);
            string labelsPath = Path.Combine(folder, labels);
            ImageFile.Write(imagePath, sample.Image);
            ImageFile.Write(labelsPath, sample.Labels, new ImageWriteOptions { TiffCompression = TiffCompression.Deflate });
            entries[index] = new SyntheticFileEntry(sample.Id, sample.ObjectCount, image, FileHash.Sha256(imagePath), labels, FileHash.Sha256(labelsPath));
            progress?.Report(Interlocked.Increment(ref done));
        });
        var index = new SyntheticDatasetIndex(
            SyntheticNucleiGenerator.DatasetId, SyntheticNucleiGenerator.AlgorithmVersion, options,
            entries.OrderBy(e => e.Key).Select(e => e.Value).ToList());
        Json.Write(Path.Combine(folder, IndexFileName), index);
        return index;
    }
}
