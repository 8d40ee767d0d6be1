using System.Collections.Concurrent;
using Research.Encodings;
using Research.Imaging;
using Research.Imaging.Codecs;
using Research.IO;
using Research.Randomness;

namespace Research.Datasets.Synthetic;

/// <summary>What <see cref="SyntheticTimelapseWriter.Write"/> wrote: the index saved as <c>synthetic-timelapse.json</c>.</summary>
/// <param name="Dataset">The dataset id, <c>synthetic-timelapse</c>.</param>
/// <param name="AlgorithmVersion">The generator's algorithm version.</param>
/// <param name="Options">The settings used.</param>
/// <param name="Frames">Number of frames.</param>
/// <param name="Tracks">Number of tracks (lines of <c>man_track.txt</c>).</param>
/// <param name="Divisions">Number of divisions (each gives two daughter tracks).</param>
/// <param name="Files">Every written file but the index, by relative path, with its SHA-256.</param>
public sealed record SyntheticTimelapseIndex(string Dataset, int AlgorithmVersion, SyntheticTimelapseOptions Options,
    int Frames, int Tracks, int Divisions, IReadOnlyList<SyntheticTimelapseFile> Files);

/// <summary>One written file of the time-lapse and its SHA-256.</summary>
public sealed record SyntheticTimelapseFile(string Path, string Sha256);

/// <summary>
/// Writes the <c>synthetic-timelapse</c> dataset: one sequence in the Cell Tracking Challenge layout, nuclei that move
/// and divide (see <see cref="SyntheticTimelapse"/>) rendered as the <c>synthetic-nuclei</c> images are (see
/// <see cref="SyntheticNucleiGenerator"/>; frame t from the random stream t of the seed). Files:
/// <c>01/tTTT.tif</c> (8- or 16-bit grey), <c>01_GT/SEG/man_segTTT.tif</c> (16-bit instance labels, every nucleus,
/// label = track id), <c>01_GT/TRA/man_trackTTT.tif</c> (the same masks as tracking markers),
/// <c>01_GT/TRA/man_track.txt</c> (one <c>L B E P</c> line per track, computed by <see cref="CtcTracking.Build"/>; a
/// daughter's P is its mother, whose track ends the frame before the daughters begin) and <c>synthetic-timelapse.json</c>
/// (options, algorithm version, counts, SHA-256 of every file). TTT has three digits, four beyond 1000 frames.
/// For a given seed the files are byte-identical on every run.
/// </summary>
public static class SyntheticTimelapseWriter
{
    /// <summary>The dataset id used in manifests and on the command line.</summary>
    public const string DatasetId = "synthetic-timelapse";

    /// <summary>Version of the generator's algorithm; it changes whenever the same seed would give other files.</summary>
    public const int AlgorithmVersion = 1;

    /// <summary>Name of the index file.</summary>
    public const string IndexFileName = "synthetic-timelapse.json";

    /// <summary>The sequence folder's name.</summary>
    public const string Sequence = "01";

    /// <summary>Writes the dataset into <paramref name="folder"/> (created if needed; it should be empty, for example an <see cref="OutputFolder"/>'s staging folder).</summary>
    /// <param name="options">Generator settings.</param>
    /// <param name="folder">Target folder.</param>
    /// <param name="progress">Receives the number of frames written so far.</param>
    public static SyntheticTimelapseIndex Write(SyntheticTimelapseOptions options, string folder, IProgress<int>? progress = null)
    {
        var simulation = SyntheticTimelapse.Simulate(options);
        string images = Sequence, seg = $"{Sequence}_GT/SEG", tra = $"{Sequence}_GT/TRA";
        foreach (string sub in new[] { images, seg, tra }) Directory.CreateDirectory(Path.Combine(folder, sub));
        int count = options.Count;
        var masks = new Image<ushort>[count];
        var files = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var labelOptions = new ImageWriteOptions { TiffCompression = TiffCompression.Deflate };
        int done = 0;
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, t =>
        {
            var (image, labels) = Render(options, simulation.Frames[t], t);
            masks[t] = labels;
            string n = CtcResultWriter.FrameNumber(t, count);
            WriteFile(folder, $"{images}/t{n}.tif", image, null, files);
            WriteFile(folder, $"{seg}/man_seg{n}.tif", labels, labelOptions, files);
            WriteFile(folder, $"{tra}/man_track{n}.tif", labels, labelOptions, files);
            progress?.Report(Interlocked.Increment(ref done));
        });
        var (_, tracks) = CtcTracking.Build(masks, simulation.Parents);
        string trackFile = $"{tra}/man_track.txt";
        File.WriteAllText(Path.Combine(folder, trackFile), CtcResultWriter.FormatTracks(tracks));
        files[trackFile] = FileHash.Sha256(Path.Combine(folder, trackFile));
        var index = new SyntheticTimelapseIndex(DatasetId, AlgorithmVersion, options, count, tracks.Count, simulation.Parents.Count / 2,
            files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => new SyntheticTimelapseFile(f.Key, f.Value)).ToList());
        Json.Write(Path.Combine(folder, IndexFileName), index);
        return index;
    }

    /// <summary>Frame <paramref name="t"/>: the rendered image and the masks labelled with track ids.</summary>
    private static (IImage Image, Image<ushort> Labels) Render(SyntheticTimelapseOptions options, IReadOnlyList<TrackedNucleus> nuclei, int t)
    {
        int size = options.Size;
        var rng = SeededRandom.Derive(options.Seed, (ulong)t);
        var (labels, distance) = NucleusRenderer.Paint(nuclei.Select(n => n.Nucleus).ToList(), size);
        var brightness = new double[nuclei.Count + 1];
        for (int k = 0; k < nuclei.Count; k++) brightness[k + 1] = nuclei[k].Nucleus.Brightness;
        float[] intensity = NucleusRenderer.Render(rng, labels, distance, brightness, size);
        IImage image = NucleusRenderer.Quantise(rng, intensity, size, options.Depth);
        var masks = new Image<ushort>(size, size, 1);
        var present = new bool[nuclei.Count + 1];
        for (int i = 0; i < labels.Length; i++)
        {
            int k = labels[i];
            present[k] = true;
            masks.Data[i] = k == 0 ? (ushort)0 : (ushort)nuclei[k - 1].Track;
        }
        int missing = Array.IndexOf(present, false, 1);
        if (missing > 0) throw new InvalidOperationException($"Frame {t}: track {nuclei[missing - 1].Track} lost every pixel; the simulation must keep nuclei apart.");
        return (image, masks);
    }

    private static void WriteFile(string folder, string relative, IImage image, ImageWriteOptions? options, ConcurrentDictionary<string, string> files)
    {
        string path = Path.Combine(folder, relative);
        ImageFile.Write(path, image, options);
        files[relative] = FileHash.Sha256(path);
    }
}
