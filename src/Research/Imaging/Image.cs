using System.Runtime.InteropServices;

namespace Research.Imaging;

/// <summary>
/// A typed image: <see cref="Width"/> x <see cref="Height"/> pixels of <see cref="Channels"/> interleaved
/// samples of type <typeparamref name="T"/> (byte, ushort, float or int), stored row-major in one array.
/// Access is through spans over that array: nothing is copied unless a method says so.
/// </summary>
/// <typeparam name="T">byte, ushort, float or int.</typeparam>
public sealed class Image<T> : IImage where T : unmanaged
{
    private readonly T[] _data;

    /// <summary>Creates a zero-filled image.</summary>
    public Image(int width, int height, int channels = 1)
        : this(width, height, channels, new T[CheckedLength(width, height, channels)])
    {
    }

    /// <summary>Wraps an existing array (not copied). Its length must be width x height x channels.</summary>
    public Image(int width, int height, int channels, T[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        long expected = CheckedLength(width, height, channels);
        if (data.Length != expected)
        {
            throw new ArgumentException(
                $"Data holds {data.Length} samples but a {width}x{height}x{channels} image needs {expected}.", nameof(data));
        }
        PixelType = PixelTypes.Of<T>();
        Width = width;
        Height = height;
        Channels = channels;
        _data = data;
    }

    /// <inheritdoc />
    public int Width { get; }

    /// <inheritdoc />
    public int Height { get; }

    /// <inheritdoc />
    public int Channels { get; }

    /// <inheritdoc />
    public PixelType PixelType { get; }

    /// <summary>Number of samples a row holds (width x channels).</summary>
    public int RowLength => Width * Channels;

    /// <summary>All samples, row-major, channels interleaved.</summary>
    public Span<T> Span => _data;

    /// <summary>The underlying array (not a copy).</summary>
    public T[] Data => _data;

    /// <summary>The samples of row <paramref name="y"/>.</summary>
    public Span<T> Row(int y)
    {
        if ((uint)y >= (uint)Height) throw new ArgumentOutOfRangeException(nameof(y), y, $"Row must be in 0..{Height - 1}.");
        return _data.AsSpan(y * RowLength, RowLength);
    }

    /// <summary>The sample at column <paramref name="x"/>, row <paramref name="y"/>, channel <paramref name="c"/>.</summary>
    public ref T this[int x, int y, int c = 0]
    {
        get
        {
            if ((uint)x >= (uint)Width || (uint)y >= (uint)Height || (uint)c >= (uint)Channels)
            {
                throw new ArgumentOutOfRangeException(
                    $"Pixel ({x}, {y}) channel {c} is outside a {Width}x{Height}x{Channels} image.", (Exception?)null);
            }
            return ref _data[(y * Width + x) * Channels + c];
        }
    }

    /// <summary>The raw bytes of the samples (machine byte order), without copying.</summary>
    public Span<byte> AsBytes() => MemoryMarshal.AsBytes(_data.AsSpan());

    /// <summary>A deep copy.</summary>
    public Image<T> Clone() => new(Width, Height, Channels, (T[])_data.Clone());

    /// <summary>True when the other image has the same width and height.</summary>
    public bool SameSize(IImage other) => other.Width == Width && other.Height == Height;

    /// <inheritdoc />
    public override string ToString() => $"{Width}x{Height}x{Channels} {PixelType}";

    private static long CheckedLength(int width, int height, int channels)
    {
        if (width <= 0 || height <= 0) throw new ArgumentOutOfRangeException(nameof(width), $"Image size must be positive, got {width}x{height}.");
        if (channels is < 1 or > 4) throw new ArgumentOutOfRangeException(nameof(channels), channels, "Channels must be 1 to 4.");
        long length = (long)width * height * channels;
        if (length > Array.MaxLength) throw new ArgumentOutOfRangeException(nameof(width), $"A {width}x{height}x{channels} image is too large.");
        return length;
    }
}
