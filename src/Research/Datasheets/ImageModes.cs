namespace Research.Datasheets;

/// <summary>How an image file stores its channels.</summary>
public enum ColourMode
{
    /// <summary>One channel.</summary>
    Grey,

    /// <summary>Grey and alpha.</summary>
    GreyAlpha,

    /// <summary>Red, green, blue.</summary>
    Rgb,

    /// <summary>Red, green, blue, alpha.</summary>
    Rgba,

    /// <summary>Any other channel count.</summary>
    Other,
}

/// <summary>
/// The modality group an image is put in by <see cref="ModalityRule"/> (for DSB2018: fluorescence, brightfield and
/// stained histology).
/// </summary>
public enum ImageGroup
{
    /// <summary>Grey content (one channel, or R = G = B at every pixel) with a dark background: fluorescence.</summary>
    GreyDark,

    /// <summary>Grey content with a light background: brightfield.</summary>
    GreyLight,

    /// <summary>Colour content (some pixel with R, G, B not all equal): stained tissue, histology.</summary>
    Colour,
}

/// <summary>
/// The modality grouping rule. An image is <b>grey</b> when it has one grey channel or when R = G = B at every pixel
/// (alpha ignored), otherwise <b>colour</b> (stained histology in DSB2018). A grey image whose median intensity is below
/// half of its bit depth's range (128 of 255, 32,768 of 65,535) has a <b>dark</b> background (fluorescence); otherwise
/// a <b>light</b> one (brightfield).
/// </summary>
public static class ModalityRule
{
    /// <summary>The fraction of the value range below which a grey image's median counts as a dark background.</summary>
    public const double DarkMedianFraction = 0.5;

    /// <summary>The group of an image with grey or colour content and the given median grey value.</summary>
    public static ImageGroup Classify(bool greyContent, double median, int bitDepth) =>
        !greyContent ? ImageGroup.Colour
            : median < DarkMedianFraction * ((1 << bitDepth) - 1) ? ImageGroup.GreyDark : ImageGroup.GreyLight;

    /// <summary>Words for <paramref name="group"/>, as in tables and figures.</summary>
    public static string Describe(ImageGroup group) => group switch
    {
        ImageGroup.GreyDark => "grey, dark background (fluorescence)",
        ImageGroup.GreyLight => "grey, light background (brightfield)",
        ImageGroup.Colour => "colour (stained tissue, histology)",
        _ => throw new ArgumentOutOfRangeException(nameof(group), group, null),
    };

    /// <summary>The colour mode of an image with <paramref name="channels"/> channels.</summary>
    public static ColourMode ModeOf(int channels) => channels switch
    {
        1 => ColourMode.Grey,
        2 => ColourMode.GreyAlpha,
        3 => ColourMode.Rgb,
        4 => ColourMode.Rgba,
        _ => ColourMode.Other,
    };

    /// <summary>The names of the channels of <paramref name="mode"/>.</summary>
    public static IReadOnlyList<string> ChannelNames(ColourMode mode, int channels) => mode switch
    {
        ColourMode.Grey => ["grey"],
        ColourMode.GreyAlpha => ["grey", "alpha"],
        ColourMode.Rgb => ["red", "green", "blue"],
        ColourMode.Rgba => ["red", "green", "blue", "alpha"],
        _ => [.. Enumerable.Range(0, channels).Select(c => $"channel {c}")],
    };
}
