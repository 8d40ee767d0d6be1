using Research.Imaging;

namespace Research.Tests.Imaging.Codecs;

/// <summary>Test images from documented formulas, a temporary folder, and the locations of fixtures and shared data.</summary>
internal static class CodecTestSupport
{
    /// <summary>(x*7919 + y*104729 + c*13) % 65536: all byte patterns, not multiples of 257.</summary>
    public static ushort V16(int x, int y, int c) => (ushort)(((long)x * 7919 + (long)y * 104729 + c * 13) % 65536);

    /// <summary>(x*37 + y*101 + c*59) % 256.</summary>
    public static byte V8(int x, int y, int c) => (byte)((x * 37 + y * 101 + c * 59) % 256);

    public static Image<ushort> Pattern16(int width, int height, int channels) => Make<ushort>(width, height, channels, (x, y, c) => V16(x, y, c));

    public static Image<byte> Pattern8(int width, int height, int channels) => Make<byte>(width, height, channels, (x, y, c) => V8(x, y, c));

    /// <summary>Floats with fractions, negatives and extremes.</summary>
    public static Image<float> PatternFloat(int width, int height, int channels) =>
        Make<float>(width, height, channels, (x, y, c) => (x, y) == (0, 0) ? float.MaxValue * (c % 2 == 0 ? 1 : -1) : (3 * x - 5 * y) / 8f + c * 0.1f + x * 1e-7f);

    /// <summary>Signed ints over the whole range, negatives included.</summary>
    public static Image<int> PatternInt(int width, int height, int channels) =>
        Make<int>(width, height, channels, (x, y, c) => (x, y) == (0, 0) ? int.MinValue + c : unchecked(x * 100003 - y * 7919 * 1013 + c * 13 - 1_000_000));

    public static Image<T> Make<T>(int width, int height, int channels, Func<int, int, int, T> value) where T : unmanaged
    {
        var image = new Image<T>(width, height, channels);
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
                for (int c = 0; c < channels; c++)
                    image[x, y, c] = value(x, y, c);
        return image;
    }

    /// <summary>Asserts same size, channel count, element type and samples, naming the first differing sample.</summary>
    public static void AssertSame<T>(Image<T> expected, IImage actual) where T : unmanaged, IEquatable<T>
    {
        var typed = Assert.IsType<Image<T>>(actual);
        Assert.Equal((expected.Width, expected.Height, expected.Channels), (typed.Width, typed.Height, typed.Channels));
        for (int i = 0; i < expected.Data.Length; i++)
        {
            if (!expected.Data[i].Equals(typed.Data[i]))
            {
                int pixel = i / expected.Channels;
                Assert.Fail($"Sample ({pixel % expected.Width}, {pixel / expected.Width}) channel {i % expected.Channels}: expected {expected.Data[i]}, got {typed.Data[i]}.");
            }
        }
    }

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Imaging", "Fixtures", name);
}

/// <summary>A fresh temporary folder, removed on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "codec-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
