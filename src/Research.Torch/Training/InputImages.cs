using Research.Imaging;
using Research.Processing;

namespace Research.Torch.Training;

/// <summary>
/// Turns a stored image into model input, the same way in training and prediction: colour mode first
/// (<see cref="InputColour"/>), then the normalisation (<see cref="InputNormalization"/>) over all channels together,
/// then the optional inversion of bright images (<see cref="InputNormalization.InvertBright"/>), then channel-major (CHW) order.
/// </summary>
public static class InputImages
{
    /// <summary>Channels the model sees for <paramref name="colour"/>.</summary>
    public static int Channels(InputColour colour) => colour == InputColour.Grey ? 1 : 3;

    /// <summary>The model input of <paramref name="image"/> as CHW floats.</summary>
    public static float[] ToChw(IImage image, InputColour colour, InputNormalization normalization)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(normalization);
        var converted = colour == InputColour.Grey ? Grey(image) : Rgb(image);
        float[] interleaved = Normalize(converted, normalization);
        if (normalization.InvertBright && interleaved.Length > 0 && interleaved.Average() > 0.5f)
        {
            for (int i = 0; i < interleaved.Length; i++) interleaved[i] = 1f - interleaved[i];
        }
        int c = converted.Channels, plane = converted.Width * converted.Height;
        if (c == 1) return interleaved;
        var result = new float[c * plane];
        for (int i = 0; i < plane; i++) for (int ch = 0; ch < c; ch++) result[ch * plane + i] = interleaved[i * c + ch];
        return result;
    }

    private static IImage Grey(IImage image) => image.Channels == 1 ? image : image switch
    {
        Image<float> f => Select(f, (data, i, c) => data[i * c]),
        _ => GreyConversion.ToGrey(image),
    };

    private static IImage Rgb(IImage image) => image switch
    {
        Image<byte> b => ToRgb(b),
        Image<ushort> u => ToRgb(u),
        Image<float> f => ToRgb(f),
        _ => throw Unsupported(image),
    };

    private static Image<T> ToRgb<T>(Image<T> image) where T : unmanaged
    {
        if (image.Channels == 3) return image;
        int plane = image.Width * image.Height, c = image.Channels;
        var data = new T[plane * 3];
        for (int i = 0; i < plane; i++)
        {
            for (int ch = 0; ch < 3; ch++) data[i * 3 + ch] = image.Data[i * c + (c >= 3 ? ch : 0)];
        }
        return new Image<T>(image.Width, image.Height, 3, data);
    }

    private static Image<float> Select(Image<float> image, Func<float[], int, int, float> pick)
    {
        int plane = image.Width * image.Height;
        var data = new float[plane];
        for (int i = 0; i < plane; i++) data[i] = pick(image.Data, i, image.Channels);
        return new Image<float>(image.Width, image.Height, 1, data);
    }

    private static float[] Normalize(IImage image, InputNormalization n)
    {
        if (n.Scaling == InputScaling.TypeRange)
        {
            return image switch
            {
                Image<byte> b => Array.ConvertAll(b.Data, v => v / 255f),
                Image<ushort> u => Array.ConvertAll(u.Data, v => v / 65535f),
                Image<float> f => (float[])f.Data.Clone(),
                _ => throw Unsupported(image),
            };
        }
        var method = n.Scaling switch
        {
            InputScaling.MinMax => NormalizationMethod.MinMax,
            InputScaling.ZScore => NormalizationMethod.ZScore,
            _ => NormalizationMethod.Percentile,
        };
        return image switch
        {
            Image<byte> b => Normalization.Apply(b, method, n.Low, n.High).Data,
            Image<ushort> u => Normalization.Apply(u, method, n.Low, n.High).Data,
            Image<float> f => Normalization.Apply(f, method, n.Low, n.High).Data,
            _ => throw Unsupported(image),
        };
    }

    private static InputException Unsupported(IImage image) =>
        new($"Images of type {image.PixelType} cannot be used for training or prediction; convert them to 8-bit, 16-bit or float.");
}
