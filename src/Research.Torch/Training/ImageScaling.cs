using Research.Imaging;

namespace Research.Torch.Training;

/// <summary>
/// The input scaling used in training and prediction: integer images are divided by their type's maximum
/// (255 or 65535), float images are used as they are; the result is channel-major (CHW).
/// Replace with the preprocessing branch's normalisation when it lands (record it in config.json).
/// </summary>
public static class ImageScaling
{
    /// <summary>Scales and reorders an image to CHW floats.</summary>
    public static float[] ToUnitFloat(IImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        float[] interleaved = image switch
        {
            Image<byte> b => Array.ConvertAll(b.Data, v => v / 255f),
            Image<ushort> u => Array.ConvertAll(u.Data, v => v / 65535f),
            Image<float> f => f.Data,
            _ => throw new InputException($"Images of type {image.PixelType} cannot be used for training or prediction; convert them to 8-bit, 16-bit or float."),
        };
        int c = image.Channels, plane = image.Width * image.Height;
        if (c == 1) return (float[])interleaved.Clone();
        var result = new float[c * plane];
        for (int i = 0; i < plane; i++) for (int ch = 0; ch < c; ch++) result[ch * plane + i] = interleaved[i * c + ch];
        return result;
    }
}
