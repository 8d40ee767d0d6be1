using Research.Imaging;

namespace Research.Metrics;

/// <summary>
/// An instance label image for evaluation: <see cref="Width"/> x <see cref="Height"/> non-negative labels, row-major,
/// 0 = background, every other value one object. Built from an 8/16-bit or int32 single-channel image.
/// </summary>
public sealed class LabelImage
{
    /// <summary>Wraps <paramref name="data"/> (not copied); its length must be width x height and no value may be negative.</summary>
    public LabelImage(int width, int height, int[] data, string name = "(labels)")
    {
        ArgumentNullException.ThrowIfNull(data);
        if (width <= 0 || height <= 0) throw new ArgumentOutOfRangeException(nameof(width), $"Label image size must be positive, got {width}x{height}.");
        if (data.Length != (long)width * height)
        {
            throw new ArgumentException($"{name}: {data.Length} labels for a {width}x{height} image.", nameof(data));
        }
        for (int i = 0; i < data.Length; i++)
        {
            if (data[i] < 0)
            {
                throw new InputException(
                    $"{name}: negative label {data[i]} at pixel ({i % width}, {i / width}); label images hold 0 for background and positive object ids.");
            }
        }
        Width = width;
        Height = height;
        Data = data;
        Name = name;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>The labels, row-major (not a copy).</summary>
    public int[] Data { get; }

    /// <summary>Where the labels came from (a file path), for messages.</summary>
    public string Name { get; }

    /// <summary>An all-background label image.</summary>
    public static LabelImage Empty(int width, int height, string name = "(empty)") => new(width, height, new int[width * height], name);

    /// <summary>
    /// Converts a decoded image to labels. Accepted: one channel of byte, ushort or int samples (int must be
    /// non-negative). Float images, several channels and negative labels throw <see cref="InputException"/> naming
    /// <paramref name="name"/>.
    /// </summary>
    public static LabelImage From(IImage image, string name)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Channels != 1)
        {
            throw new InputException($"{name}: a label image has one channel, this one has {image.Channels}; save instance labels as a single-channel 8/16-bit PNG or TIFF.");
        }
        int[] data = image switch
        {
            Image<byte> b => Array.ConvertAll(b.Data, v => (int)v),
            Image<ushort> s => Array.ConvertAll(s.Data, v => (int)v),
            Image<int> i => (int[])i.Data.Clone(),
            _ => throw new InputException(
                $"{name}: holds {image.PixelType} samples; labels must be integers (8/16-bit or int32), not floating point. Convert the prediction to an instance label image first."),
        };
        return new LabelImage(image.Width, image.Height, data, name);
    }

    /// <summary>Converts a binary mask (foreground = label &gt; 0) into one object per connected component.</summary>
    public LabelImage ToComponents(Processing.Labels.Connectivity connectivity) =>
        new(Width, Height, Processing.Labels.ConnectedComponents.Label(Data, Width, Height, connectivity), Name);
}
