namespace Research.Measurements;

/// <summary>
/// The histogram of 2 x 2 pixel configurations of an object, as scikit-image builds it for the Crofton perimeter and
/// the Euler number: the mask is framed by one background pixel, convolved with [[0, 0, 0], [0, 1, 4], [0, 2, 8]],
/// so each position (r, c) gets the code m(r, c) + 2 m(r−1, c) + 4 m(r, c−1) + 8 m(r−1, c−1), and the 16 codes are
/// counted. Linear combinations of these counts give <see cref="CroftonPerimeter"/> and <see cref="EulerNumber"/>.
/// </summary>
public static class QuadConfigurations
{
    /// <summary>The 16 configuration counts of <paramref name="mask"/> (code 0 excluded from the sums that use it, so its count is not needed and stays 0).</summary>
    public static long[] Of(ObjectMask mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        byte[] m = mask.Pixels;
        int stride = mask.Stride;
        var h = new long[16];
        for (int r = 1; r <= mask.Rows + 1; r++)
        {
            for (int c = 1; c <= mask.Cols + 1; c++)
            {
                int p = r * stride + c;
                int code = m[p] + 2 * m[p - stride] + 4 * m[p - 1] + 8 * m[p - stride - 1];
                h[code]++;
            }
        }
        h[0] = 0;
        return h;
    }
}
