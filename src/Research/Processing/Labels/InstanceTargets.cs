namespace Research.Processing.Labels;

/// <summary>The classes of a 3-class instance-separation target.</summary>
public enum TargetClass : byte
{
    /// <summary>Background (label 0).</summary>
    Background = 0,
    /// <summary>Object pixel whose four edge neighbours all carry the same label.</summary>
    Interior = 1,
    /// <summary>Object pixel with at least one edge neighbour of another label (background or another object). The image border does not make a boundary.</summary>
    Boundary = 2,
}

/// <summary>Training targets derived from instance label images (0 = background, each other value one object).</summary>
public static class InstanceTargets
{
    /// <summary>1 where a pixel belongs to any object, 0 on the background.</summary>
    public static float[] Foreground(ReadOnlySpan<int> labels)
    {
        var mask = new float[labels.Length];
        for (int i = 0; i < labels.Length; i++) mask[i] = labels[i] != 0 ? 1f : 0f;
        return mask;
    }

    /// <summary>The 3-class target (see <see cref="TargetClass"/>): separates touching objects by their boundaries.</summary>
    public static byte[] ThreeClass(ReadOnlySpan<int> labels, int width, int height)
    {
        if (labels.Length != width * height) throw new ArgumentException($"Expected {width * height} labels, got {labels.Length}.", nameof(labels));
        var classes = new byte[labels.Length];
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                int i = y * width + x;
                int label = labels[i];
                if (label == 0) continue;
                bool boundary = (x > 0 && labels[i - 1] != label) || (x < width - 1 && labels[i + 1] != label)
                    || (y > 0 && labels[i - width] != label) || (y < height - 1 && labels[i + width] != label);
                classes[i] = (byte)(boundary ? TargetClass.Boundary : TargetClass.Interior);
            }
        }
        return classes;
    }
}
