using System.Security.Cryptography;
using Research.Datasets.Layouts;
using Research.Datasets.Validation;
using Research.Imaging;
using Research.Imaging.Codecs;

namespace Research.Datasheets;

/// <summary>Everything measured on one sample.</summary>
/// <param name="Row">The per-image row.</param>
/// <param name="Truth">The truth measurements.</param>
/// <param name="Problems">Problems of this sample (the image's and its truth's).</param>
public sealed record SampleMeasurement(ImageRow Row, TruthFacts Truth, IReadOnlyList<DatasetProblem> Problems);

/// <summary>
/// Measures one sample: reads the image file's bytes once (SHA-256 of the file, then decoding), measures its pixels
/// (<see cref="ImageMeasure"/>) and its truth (<see cref="TruthMeasure"/>). An unreadable file becomes a problem,
/// never an exception.
/// </summary>
public static class SampleMeasurer
{
    /// <summary>Measures <paramref name="sample"/> of <paramref name="split"/>; paths in the row are relative to <paramref name="root"/>.</summary>
    public static SampleMeasurement Measure(DatasetSample sample, string split, string root, CompositionAccumulator into)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var problems = new List<DatasetProblem>();
        string sha = "";
        IImage? image = null;
        try
        {
            byte[] bytes = File.ReadAllBytes(sample.ImagePath);
            sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
            image = ImageDecoder.Decode(bytes, sample.ImagePath, allPages: false)[0];
        }
        catch (Exception e) when (e is ImageFileException or IOException or UnauthorizedAccessException)
        {
            problems.Add(new DatasetProblem(ProblemKind.Unreadable, sample.ImagePath, e is ImageFileException f ? f.Problem : e.Message));
        }
        ImageFacts? facts = image is null ? null : ImageMeasure.Measure(image, into);
        TruthFacts truth = TruthMeasure.Measure(sample, image is null ? null : (image.Width, image.Height));
        problems.AddRange(truth.Problems);
        into.AddClasses(truth.ClassPixels);
        long pixels = image is null ? 0 : (long)image.Width * image.Height;
        var row = new ImageRow
        {
            Id = sample.Id,
            Split = split,
            File = Path.GetRelativePath(root, sample.ImagePath).Replace('\\', '/'),
            Readable = image is not null,
            Width = image?.Width ?? 0,
            Height = image?.Height ?? 0,
            Channels = image?.Channels ?? 0,
            BitDepth = facts?.BitDepth ?? 0,
            Mode = facts?.Mode ?? ColourMode.Other,
            Group = facts?.Group ?? ImageGroup.GreyDark,
            MeanIntensity = facts?.Mean ?? double.NaN,
            MedianIntensity = facts?.Median ?? double.NaN,
            HasTruth = sample.Truth != TruthKind.None,
            Objects = truth.Objects.Count,
            MeanObjectArea = truth.Objects.Count == 0 ? double.NaN : truth.Objects.Average(o => (double)o.Area),
            ForegroundFraction = pixels == 0 ? double.NaN : (double)truth.Foreground / pixels,
            EmptyMasks = truth.EmptyMasks,
            OverlappingPixels = truth.OverlappingPixels,
            WrongSizeMasks = truth.WrongSize,
            UnreadableFiles = truth.Unreadable + (image is null ? 1 : 0),
            Sha256 = sha,
            PixelHash = facts?.PixelHash ?? "",
        };
        return new SampleMeasurement(row, truth, problems);
    }
}
