namespace Research.Imaging.Codecs;

/// <summary>How TIFF pages are compressed when written. All three are lossless.</summary>
public enum TiffCompression
{
    /// <summary>No compression: largest files, readable by every TIFF reader.</summary>
    None,
    /// <summary>LZW compression (TIFF compression code 5).</summary>
    Lzw,
    /// <summary>Deflate (zlib) compression (TIFF compression code 8, "Adobe Deflate").</summary>
    Deflate,
}
