using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Research.Imaging;

namespace Research.Processing;

/// <summary>
/// The fast 8-bit path of <see cref="Clahe"/>'s last step: the same float arithmetic as OpenCV (so the same results),
/// with the tile LUTs held as floats (exact for 0..255) and no bounds checks in the pixel loop.
/// </summary>
internal static class ClaheInterpolation
{
    public static void Bytes(Image<byte> source, Image<byte> result, byte[] luts, int tileW, int tileH, int tilesX, int tilesY)
    {
        int width = source.Width, height = source.Height;
        if (luts.Length != tilesX * tilesY * 256) throw new ArgumentException("LUT size does not match the tile grid.", nameof(luts));
        var lutF = new float[luts.Length];
        for (int i = 0; i < luts.Length; i++) lutF[i] = luts[i];
        var (ind1, ind2, xa, xa1) = Columns(width, tileW, tilesX, 256);
        float invTh = 1.0f / tileH;
        ref float lut0 = ref MemoryMarshal.GetArrayDataReference(lutF);
        ref int i1Ref = ref MemoryMarshal.GetArrayDataReference(ind1);
        ref int i2Ref = ref MemoryMarshal.GetArrayDataReference(ind2);
        ref float xaRef = ref MemoryMarshal.GetArrayDataReference(xa);
        ref float xa1Ref = ref MemoryMarshal.GetArrayDataReference(xa1);
        ref byte src0 = ref MemoryMarshal.GetArrayDataReference(source.Data);
        ref byte dst0 = ref MemoryMarshal.GetArrayDataReference(result.Data);
        for (int y = 0; y < height; y++)
        {
            float tyf = y * invTh - 0.5f;
            int ty1 = (int)MathF.Floor(tyf);
            float ya = tyf - ty1, ya1 = 1.0f - ya;
            ref float p1 = ref Unsafe.Add(ref lut0, Math.Max(ty1, 0) * tilesX * 256);
            ref float p2 = ref Unsafe.Add(ref lut0, Math.Min(ty1 + 1, tilesY - 1) * tilesX * 256);
            ref byte srcRow = ref Unsafe.Add(ref src0, y * width);
            ref byte dstRow = ref Unsafe.Add(ref dst0, y * width);
            for (int x = 0; x < width; x++)
            {
                int v = Unsafe.Add(ref srcRow, x);
                int a = Unsafe.Add(ref i1Ref, x) + v, b = Unsafe.Add(ref i2Ref, x) + v;
                float w1 = Unsafe.Add(ref xa1Ref, x), w2 = Unsafe.Add(ref xaRef, x);
                float res = (Unsafe.Add(ref p1, a) * w1 + Unsafe.Add(ref p1, b) * w2) * ya1
                          + (Unsafe.Add(ref p2, a) * w1 + Unsafe.Add(ref p2, b) * w2) * ya;
                Unsafe.Add(ref dstRow, x) = (byte)MathF.Round(res); // a convex blend of 0..255: no saturation needed
            }
        }
    }

    /// <summary>
    /// Per column: the LUT offsets of the left and right neighbouring tiles and their blending weights (OpenCV's
    /// float arithmetic: tile coordinate x / tileW - 0.5, edges clamped). Shared by the generic and the 8-bit paths.
    /// </summary>
    internal static (int[] Left, int[] Right, float[] RightWeight, float[] LeftWeight) Columns(int width, int tileW, int tilesX, int bins)
    {
        var left = new int[width];
        var right = new int[width];
        var rightWeight = new float[width];
        var leftWeight = new float[width];
        float invTw = 1.0f / tileW;
        for (int x = 0; x < width; x++)
        {
            float txf = x * invTw - 0.5f;
            int tx1 = (int)MathF.Floor(txf);
            rightWeight[x] = txf - tx1;
            leftWeight[x] = 1.0f - rightWeight[x];
            left[x] = Math.Max(tx1, 0) * bins;
            right[x] = Math.Min(tx1 + 1, tilesX - 1) * bins;
        }
        return (left, right, rightWeight, leftWeight);
    }
}
