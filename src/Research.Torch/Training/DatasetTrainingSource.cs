using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Research.Datasets.Layouts;
using Research.Datasets.Manifests;
using Research.Imaging;
using Research.Processing.Labels;

namespace Research.Torch.Training;

/// <summary>
/// Training samples of a manifest dataset's split, read through its layout reader (<see cref="LayoutReaders"/>).
/// Pixels are read lazily on the loader threads and kept in a <see cref="SampleCache"/> bounded in bytes; the
/// <see cref="DatasetSample"/> objects themselves never keep pixels. Instance truth (one file per object, label images)
/// is used as it is; a semantic mask becomes instances by 4-connected components of its non-zero pixels. Samples
/// without truth are left out; a split without any truth is an <see cref="InputException"/>. Each image is its own source.
/// </summary>
public sealed class DatasetTrainingSource : ITrainingSource
{
    private readonly IReadOnlyList<DatasetSample> _samples;
    private readonly InputColour _colour;
    private readonly InputNormalization _normalization;
    private readonly SampleCache _cache;

    /// <summary>Lists the split at <paramref name="splitRoot"/> of <paramref name="manifest"/>.</summary>
    public DatasetTrainingSource(DatasetManifest manifest, string splitRoot, InputColour colour, InputNormalization normalization, long cacheBytes)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(normalization);
        var scan = new LayoutReaders().Scan(manifest, splitRoot);
        var all = scan.Samples;
        _samples = [.. all.Where(s => s.Truth != TruthKind.None && s.MaskPaths.Count > 0)];
        if (_samples.Count == 0)
        {
            string problems = scan.Problems.Count > 0 ? $" First problem: {scan.Problems[0].Path}: {scan.Problems[0].Message}." : "";
            throw new InputException($"Dataset '{manifest.Id}' at {splitRoot}: none of its {all.Count} image(s) has masks; training needs instance or semantic masks " +
                $"(is this a test split without truth? train on an annotated split such as stage1_train).{problems}");
        }
        Skipped = all.Count - _samples.Count;
        DatasetId = manifest.Id;
        _colour = colour;
        _normalization = normalization;
        _cache = new SampleCache(cacheBytes);
        Checksum = ListingChecksum(_samples, splitRoot);
    }

    /// <summary>Images of the split left out because they have no truth.</summary>
    public int Skipped { get; }

    /// <inheritdoc />
    public string DatasetId { get; }

    /// <summary>SHA-256 of the listing: each sample's id, and the relative path and byte size of its image and mask files.</summary>
    public string Checksum { get; }

    /// <inheritdoc />
    public int Count => _samples.Count;

    /// <inheritdoc />
    public int Channels => InputImages.Channels(_colour);

    /// <summary>The cache of loaded samples.</summary>
    public SampleCache Cache => _cache;

    /// <inheritdoc />
    public string SourceOf(int index) => _samples[index].Id;

    /// <inheritdoc />
    public TrainingSample Get(int index) => _cache.Get(index, Load);

    private TrainingSample Load(int index)
    {
        var sample = _samples[index];
        IImage image = sample.ReadImage();
        int[] labels = Labels(sample);
        if (labels.Length != image.Width * image.Height)
        {
            throw new InputException($"{sample.ImagePath}: the image is {image.Width}x{image.Height} but its truth ({sample.MaskPaths[0]}) has {labels.Length} pixels.");
        }
        return new TrainingSample(sample.Id, sample.Id, InputImages.ToChw(image, _colour, _normalization), Channels, image.Height, image.Width, labels);
    }

    private static int[] Labels(DatasetSample sample)
    {
        if (sample.ReadInstances() is { } instances) return Array.ConvertAll(instances.Data, v => (int)v);
        if (sample.ReadSemantic() is { } semantic)
        {
            var foreground = Array.ConvertAll(semantic.Data, v => v > 0);
            return ConnectedComponents.Label(foreground, semantic.Width, semantic.Height, Connectivity.Four, out _);
        }
        throw new InputException($"{sample.ImagePath}: its truth ({sample.MaskPaths[0]}) could not be read as instance labels or a semantic mask.");
    }

    private static string ListingChecksum(IReadOnlyList<DatasetSample> samples, string root)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var s in samples)
        {
            var line = new StringBuilder(s.Id);
            foreach (string file in s.MaskPaths.Prepend(s.ImagePath))
            {
                line.Append('\t').Append(Path.GetRelativePath(root, file).Replace('\\', '/')).Append(' ').Append(new FileInfo(file).Length.ToString(CultureInfo.InvariantCulture));
            }
            hash.AppendData(Encoding.UTF8.GetBytes(line.Append('\n').ToString()));
        }
        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
