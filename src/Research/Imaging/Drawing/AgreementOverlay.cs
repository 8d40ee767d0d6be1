namespace Research.Imaging.Drawing;

/// <summary>
/// A prediction and its truth drawn on the grey image: pixels foreground in both tinted green, truth only (missed)
/// blue, prediction only (false positive) red; background pixels keep their grey. Masks are foreground where &gt; 0.
/// </summary>
public static class AgreementOverlay
{
    /// <summary>How strongly the colours replace the grey (0 = grey only, 1 = colour only).</summary>
    public const double Opacity = 0.45;

    /// <summary>The RGB overlay of <paramref name="truth"/> and <paramref name="prediction"/> on <paramref name="grey"/> (all one size).</summary>
    public static Image<byte> Draw(Image<byte> grey, Image<byte> truth, Image<byte> prediction)
    {
        ArgumentNullException.ThrowIfNull(grey);
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(prediction);
        if (grey.Channels != 1 || truth.Channels != 1 || prediction.Channels != 1)
        {
            throw new InputException("AgreementOverlay: the image and both masks must have one channel.");
        }
        if ((truth.Width, truth.Height) != (grey.Width, grey.Height) || (prediction.Width, prediction.Height) != (grey.Width, grey.Height))
        {
            throw new InputException($"AgreementOverlay: image {grey.Width}x{grey.Height}, truth {truth.Width}x{truth.Height} and prediction {prediction.Width}x{prediction.Height} must have one size.");
        }
        var rgb = new Image<byte>(grey.Width, grey.Height, 3);
        for (int i = 0; i < grey.Data.Length; i++)
        {
            bool t = truth.Data[i] > 0, p = prediction.Data[i] > 0;
            byte g = grey.Data[i];
            (byte R, byte G, byte B) colour = (t, p) switch
            {
                (true, true) => (0, 200, 0),
                (true, false) => (30, 90, 255),
                (false, true) => (255, 40, 40),
                _ => (g, g, g),
            };
            rgb.Data[3 * i] = Blend(g, colour.R, t || p);
            rgb.Data[3 * i + 1] = Blend(g, colour.G, t || p);
            rgb.Data[3 * i + 2] = Blend(g, colour.B, t || p);
        }
        return rgb;
    }

    private static byte Blend(byte grey, byte colour, bool tinted) =>
        tinted ? (byte)Math.Round(grey * (1 - Opacity) + colour * Opacity) : grey;
}
