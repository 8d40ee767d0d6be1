namespace Research.Measurements;

/// <summary>
/// scikit-image 0.19's <c>perimeter(image, neighbourhood=4)</c> (Benkrid and Crookes): the object's border pixels are
/// those removed by an erosion with the 4-connected cross (pixels outside the box count as background); each border
/// pixel gets the code 1 + 2 x (border 4-neighbours) + 10 x (border diagonal neighbours), which is scikit-image's
/// convolution with [[10, 2, 10], [2, 1, 2], [10, 2, 10]], and the perimeter is the sum of the codes' weights: 1 for
/// 5, 7, 15, 17, 25 and 27, √2 for 21 and 33, (1 + √2) / 2 for 13 and 23, 0 otherwise (so a lone pixel has
/// perimeter 0).
/// </summary>
public static class WeightedPerimeter
{
    private static readonly double[] Weights = MakeWeights();

    /// <summary>The perimeter of the object in <paramref name="mask"/>.</summary>
    public static double Of(ObjectMask mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        byte[] m = mask.Pixels;
        int stride = mask.Stride;
        var border = new byte[m.Length];
        for (int r = 1; r <= mask.Rows; r++)
        {
            for (int c = 1; c <= mask.Cols; c++)
            {
                int p = r * stride + c;
                if (m[p] != 0 && (m[p - 1] == 0 || m[p + 1] == 0 || m[p - stride] == 0 || m[p + stride] == 0)) border[p] = 1;
            }
        }
        var histogram = new long[50];
        for (int r = 1; r <= mask.Rows; r++)
        {
            for (int c = 1; c <= mask.Cols; c++)
            {
                int p = r * stride + c;
                if (border[p] == 0) continue;
                int edges = border[p - 1] + border[p + 1] + border[p - stride] + border[p + stride];
                int corners = border[p - stride - 1] + border[p - stride + 1] + border[p + stride - 1] + border[p + stride + 1];
                histogram[1 + 2 * edges + 10 * corners]++;
            }
        }
        double total = 0;
        for (int k = 0; k < histogram.Length; k++) total += histogram[k] * Weights[k];
        return total;
    }

    private static double[] MakeWeights()
    {
        var w = new double[50];
        foreach (int k in (int[])[5, 7, 15, 17, 25, 27]) w[k] = 1;
        w[21] = w[33] = Math.Sqrt(2);
        w[13] = w[23] = (1 + Math.Sqrt(2)) / 2;
        return w;
    }
}
