namespace Research.Imaging.Codecs;

/// <summary>The image file formats <see cref="ImageFile"/> reads and writes.</summary>
public enum ImageFormat
{
    /// <summary>PNG (.png): lossless, 8- or 16-bit, 1 to 4 channels.</summary>
    Png,
    /// <summary>JPEG (.jpg, .jpeg): lossy, 8-bit grey or RGB.</summary>
    Jpeg,
    /// <summary>Windows bitmap (.bmp): 8-bit; written as grey (palette) or 24-bit RGB.</summary>
    Bmp,
    /// <summary>TIFF (.tif, .tiff): byte, ushort, float or int samples, 1 to 4 channels, several pages.</summary>
    Tiff,
}
