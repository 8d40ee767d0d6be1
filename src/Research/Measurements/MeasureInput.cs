using Research.Imaging;
using Research.Metrics;

namespace Research.Measurements;

/// <summary>One image to measure: its name in the tables, where its labels come from and how to read them and its intensity image.</summary>
/// <param name="Image">The name written in objects.csv's <c>image</c> column (the label file's name, or the sample id).</param>
/// <param name="LabelSource">The label file or folder, for messages.</param>
/// <param name="ReadLabels">Reads the labels.</param>
/// <param name="IntensitySource">The intensity file, or null without one.</param>
/// <param name="ReadIntensity">Reads the intensity image (null when there is none).</param>
public sealed record MeasureInput(string Image, string LabelSource, Func<LabelImage> ReadLabels, string? IntensitySource, Func<IImage?> ReadIntensity)
{
    /// <summary>Reads both and checks their sizes; a mismatch names both files.</summary>
    public (LabelImage Labels, IImage? Intensity) Read()
    {
        LabelImage labels = ReadLabels();
        IImage? intensity = ReadIntensity();
        if (intensity is not null && (intensity.Width != labels.Width || intensity.Height != labels.Height))
        {
            throw new InputException(
                $"{LabelSource} is {labels.Width}x{labels.Height} but its intensity image {IntensitySource} is {intensity.Width}x{intensity.Height}; labels and images must have the same size.");
        }
        return (labels, intensity);
    }
}
