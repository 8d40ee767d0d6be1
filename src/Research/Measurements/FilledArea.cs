namespace Research.Measurements;

/// <summary>
/// scikit-image 0.19's <c>filled_area</c>: the object's pixels plus its holes, where <c>binary_fill_holes</c> with a
/// 3 x 3 structure on the bounding box treats as a hole every background pixel not 8-connected to the box's edge.
/// </summary>
public static class FilledArea
{
    /// <summary>Pixels of the object in <paramref name="mask"/> with its holes filled.</summary>
    public static long Of(ObjectMask mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        byte[] m = mask.Pixels;
        int stride = mask.Stride, height = mask.Rows + 2;
        var reached = new bool[m.Length];
        var stack = new Stack<int>();
        stack.Push(0);
        reached[0] = true;
        long outside = 0;
        while (stack.Count > 0)
        {
            int p = stack.Pop();
            int r = p / stride, c = p % stride;
            if (r >= 1 && r <= mask.Rows && c >= 1 && c <= mask.Cols) outside++;
            for (int dr = -1; dr <= 1; dr++)
            {
                int rr = r + dr;
                if (rr < 0 || rr >= height) continue;
                for (int dc = -1; dc <= 1; dc++)
                {
                    int cc = c + dc;
                    if (cc < 0 || cc >= stride) continue;
                    int q = rr * stride + cc;
                    if (reached[q] || m[q] != 0) continue;
                    reached[q] = true;
                    stack.Push(q);
                }
            }
        }
        return (long)mask.Rows * mask.Cols - outside;
    }
}
