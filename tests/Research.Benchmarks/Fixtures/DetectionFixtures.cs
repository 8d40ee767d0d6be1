using System.Globalization;
using System.Runtime.InteropServices;
using Research.Torch.Detection.MaskRcnn;
using static TorchSharp.torch;

namespace Research.Benchmarks.Fixtures;

/// <summary>
/// The Mask R-CNN benchmarks' fixtures: elliptical objects painted into a label image, and an image with its truth
/// written where tests/reference/maskrcnn_fixture.py reads them (<c>image{name}.f32</c>: float32 [3, H, W];
/// <c>masks{name}.u8</c>: uint8 [N, H, W]; <c>boxes{name}.txt</c>: one "x1 y1 x2 y2" line per object).
/// </summary>
public static class DetectionFixtures
{
    /// <summary>Paints the ellipse centred at (<paramref name="cx"/>, <paramref name="cy"/>) with radii <paramref name="rx"/>, <paramref name="ry"/> as <paramref name="label"/> into a square label image of side <paramref name="size"/>, clipped to it.</summary>
    public static void PaintEllipse(int[] labels, int size, int cx, int cy, int rx, int ry, int label)
    {
        ArgumentNullException.ThrowIfNull(labels);
        for (int y = Math.Max(0, cy - ry); y <= Math.Min(size - 1, cy + ry); y++)
            for (int x = Math.Max(0, cx - rx); x <= Math.Min(size - 1, cx + rx); x++)
                if (Math.Pow((x - cx) / (double)rx, 2) + Math.Pow((y - cy) / (double)ry, 2) <= 1) labels[y * size + x] = label;
    }

    /// <summary>Writes <paramref name="image"/> and its <paramref name="target"/> into <paramref name="folder"/> under <paramref name="name"/>.</summary>
    public static void Write(string folder, string name, Tensor image, MaskRcnnTarget target)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(target);
        float[] pixels = image.contiguous().data<float>().ToArray();
        File.WriteAllBytes(Path.Combine(folder, $"image{name}.f32"), MemoryMarshal.AsBytes(pixels.AsSpan()).ToArray());
        File.WriteAllBytes(Path.Combine(folder, $"masks{name}.u8"), target.Masks.contiguous().data<byte>().ToArray());
        float[] boxes = target.Boxes.contiguous().data<float>().ToArray();
        File.WriteAllText(Path.Combine(folder, $"boxes{name}.txt"),
            string.Concat(boxes.Chunk(4).Select(b => string.Join(' ', b.Select(v => v.ToString(CultureInfo.InvariantCulture))) + "\n")));
    }
}
