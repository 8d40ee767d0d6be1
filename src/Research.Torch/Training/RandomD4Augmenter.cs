using Research.Randomness;

namespace Research.Torch.Training;

/// <summary>
/// A uniformly drawn element of D4 (k quarter turns, then an optional transpose) applied to a square crop.
/// Stand-in for <c>--augment random</c> until the augmentation branch's D4 and random pipelines replace it.
/// </summary>
public sealed class RandomD4Augmenter : ICropAugmenter
{
    /// <inheritdoc />
    public (float[] Image, int[] Labels) Apply(float[] image, int[] labels, int channels, int size, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        int element = random.NextInt(0, 8);
        return (Transform(image, channels, size, element), Transform(labels, 1, size, element));
    }

    /// <summary>Applies D4 element <paramref name="element"/> (0..7; 0 = identity) to square planes.</summary>
    public static T[] Transform<T>(T[] data, int channels, int size, int element)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (element == 0) return data;
        var result = new T[data.Length];
        int plane = size * size;
        for (int c = 0; c < channels; c++)
        {
            for (int y = 0; y < size; y++)
            {
                for (int x = 0; x < size; x++)
                {
                    var (sx, sy) = Source(x, y, size, element);
                    result[c * plane + y * size + x] = data[c * plane + sy * size + sx];
                }
            }
        }
        return result;
    }

    private static (int X, int Y) Source(int x, int y, int size, int element)
    {
        int n = size - 1;
        if (element >= 4) (x, y) = (y, x);
        return (element % 4) switch
        {
            0 => (x, y),
            1 => (y, n - x),
            2 => (n - x, n - y),
            _ => (n - y, x),
        };
    }
}
