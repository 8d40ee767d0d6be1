namespace Research.Imaging;

/// <summary>The element type of an image's samples.</summary>
public enum PixelType
{
    /// <summary>Unsigned 8-bit samples (0-255): most PNG, JPEG and BMP images.</summary>
    UInt8,
    /// <summary>Unsigned 16-bit samples (0-65535): 16-bit PNG and TIFF, instance label images.</summary>
    UInt16,
    /// <summary>32-bit floating-point samples: normalised images, probability maps.</summary>
    Float32,
    /// <summary>Signed 32-bit integer samples: label images with more than 65,535 objects, intermediate results.</summary>
    Int32,
}

/// <summary>Facts about <see cref="PixelType"/> values.</summary>
public static class PixelTypes
{
    /// <summary>Size of one sample in bytes.</summary>
    public static int BytesPerSample(this PixelType type) => type switch
    {
        PixelType.UInt8 => 1,
        PixelType.UInt16 => 2,
        _ => 4,
    };

    /// <summary>The <see cref="PixelType"/> of a CLR element type, or an error for unsupported ones.</summary>
    public static PixelType Of<T>() where T : unmanaged =>
        typeof(T) == typeof(byte) ? PixelType.UInt8
        : typeof(T) == typeof(ushort) ? PixelType.UInt16
        : typeof(T) == typeof(float) ? PixelType.Float32
        : typeof(T) == typeof(int) ? PixelType.Int32
        : throw new NotSupportedException(
            $"Images of {typeof(T).Name} are not supported; use byte, ushort, float or int.");
}
