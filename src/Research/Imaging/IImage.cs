namespace Research.Imaging;

/// <summary>
/// An image of any element type: <see cref="Width"/> x <see cref="Height"/> pixels of <see cref="Channels"/>
/// interleaved samples each (row-major, channel fastest). Use <see cref="Image{T}"/> for typed access.
/// </summary>
public interface IImage
{
    /// <summary>Width in pixels.</summary>
    int Width { get; }

    /// <summary>Height in pixels.</summary>
    int Height { get; }

    /// <summary>Samples per pixel: 1 grey, 2 grey+alpha, 3 RGB, 4 RGBA.</summary>
    int Channels { get; }

    /// <summary>The element type of the samples.</summary>
    PixelType PixelType { get; }
}
