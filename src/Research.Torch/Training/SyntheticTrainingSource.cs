using System.Security.Cryptography;
using Research.Datasets.Synthetic;
using Research.Imaging;

namespace Research.Torch.Training;

/// <summary>
/// The embedded <c>synthetic-nuclei</c> dataset generated in memory (once, at construction): each image is its own
/// source; pixels are normalised by the run's <see cref="InputNormalization"/> (<see cref="InputImages"/>).
/// </summary>
public sealed class SyntheticTrainingSource : ITrainingSource
{
    private readonly TrainingSample[] _samples;

    /// <summary>Generates the dataset.</summary>
    public SyntheticTrainingSource(SyntheticNucleiOptions options, InputNormalization? normalization = null)
    {
        normalization ??= new InputNormalization();
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var generator = new SyntheticNucleiGenerator(options);
        _samples = Enumerable.Range(0, options.Count).Select(i => ToSample(generator.Generate(i), normalization)).ToArray();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var s in _samples)
        {
            hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(s.Image.AsSpan()));
            hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(s.Labels.AsSpan()));
        }
        Checksum = "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <inheritdoc />
    public string DatasetId => SyntheticNucleiGenerator.DatasetId;

    /// <inheritdoc />
    public string Checksum { get; }

    /// <inheritdoc />
    public int Count => _samples.Length;

    /// <inheritdoc />
    public int Channels => 1;

    /// <inheritdoc />
    public string SourceOf(int index) => _samples[index].SourceId;

    /// <inheritdoc />
    public TrainingSample Get(int index) => _samples[index];

    /// <summary>Converts a generated sample to a training sample.</summary>
    public static TrainingSample ToSample(SyntheticSample sample, InputNormalization normalization)
    {
        ArgumentNullException.ThrowIfNull(sample);
        return new TrainingSample(sample.Id, sample.Id, InputImages.ToChw(sample.Image, InputColour.Grey, normalization), 1, sample.Labels.Height, sample.Labels.Width,
            sample.Labels.Data.Select(v => (int)v).ToArray());
    }
}
