using System.Globalization;
using Research.Imaging;

namespace Research.Augmentation;

/// <summary>Checks that a mask fits its image and holds only the values its <see cref="MaskKind"/> allows.</summary>
public static class MaskCheck
{
    /// <summary>
    /// Throws <see cref="InputException"/>, naming <paramref name="maskName"/> and the first offending pixel, when the mask's
    /// size differs from the image's, it has more than one channel, or a value is outside the set <paramref name="kind"/> allows.
    /// </summary>
    public static void Check(IImage image, IImage mask, MaskKind kind, string maskName)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(mask);
        if (image.Width != mask.Width || image.Height != mask.Height)
        {
            throw new InputException($"{maskName}: the mask is {mask.Width}x{mask.Height} but the image is {image.Width}x{image.Height}; give the mask of this image.");
        }
        if (mask.Channels != 1)
        {
            throw new InputException($"{maskName}: the mask has {mask.Channels} channels; a mask or label image must have one (convert it to grey first).");
        }
        double[] values = Values(mask);
        double other = double.NaN;
        for (int i = 0; i < values.Length; i++)
        {
            double v = values[i];
            bool bad = v < 0 || v != Math.Floor(v) || (kind == MaskKind.Binary && v != 0 && !double.IsNaN(other) && v != other);
            if (bad)
            {
                string expected = kind == MaskKind.Binary ? $"0 and one other value ({other.ToString(CultureInfo.InvariantCulture)} so far)" : "whole numbers from 0 up";
                throw new InputException(string.Create(CultureInfo.InvariantCulture,
                    $"{maskName}: pixel ({i % mask.Width}, {i / mask.Width}) holds {v}, but a {kind.ToString().ToLowerInvariant()} mask holds only {expected}; check that this file is the mask."));
            }
            if (v != 0 && double.IsNaN(other)) other = v;
        }
    }

    private static double[] Values(IImage mask) => mask switch
    {
        Image<byte> b => Array.ConvertAll(b.Data, v => (double)v),
        Image<ushort> s => Array.ConvertAll(s.Data, v => (double)v),
        Image<int> n => Array.ConvertAll(n.Data, v => (double)v),
        Image<float> f => Array.ConvertAll(f.Data, v => (double)v),
        _ => throw new ArgumentException($"Unsupported mask {mask}.", nameof(mask)),
    };
}
