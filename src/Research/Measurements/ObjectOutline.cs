namespace Research.Measurements;

/// <summary>
/// The outer outline of an object as a polygon through its boundary pixel centres, by Moore-neighbour tracing
/// (8-connected, clockwise on screen, Jacob's stopping rule) from the first object pixel in raster order. For an
/// object in several pieces it is the outline of that first piece; holes are not traced.
/// </summary>
public static class ObjectOutline
{
    private static readonly (int Dr, int Dc)[] Moves = [(0, -1), (-1, -1), (-1, 0), (-1, 1), (0, 1), (1, 1), (1, 0), (1, -1)];

    /// <summary>The outline's vertices in image coordinates (row, column); <paramref name="minRow"/>/<paramref name="minCol"/> place the mask's box.</summary>
    public static IReadOnlyList<(int Row, int Col)> Of(ObjectMask mask, int minRow, int minCol)
    {
        ArgumentNullException.ThrowIfNull(mask);
        int stride = mask.Stride;
        byte[] m = mask.Pixels;
        int start = Array.IndexOf(m, (byte)1);
        if (start < 0) return [];
        var points = new List<(int, int)> { Point(start, stride, minRow, minCol) };
        int current = start, back = 0, second = -1;
        for (int steps = 0; steps < 4 * m.Length; steps++)
        {
            int next = -1, nextBack = 0;
            for (int i = 1; i <= 8; i++)
            {
                int d = (back + i) % 8;
                int candidate = current + Moves[d].Dr * stride + Moves[d].Dc;
                if (m[candidate] == 0) continue;
                next = candidate;
                int previous = (d + 7) % 8;
                int pr = Moves[previous].Dr - Moves[d].Dr, pc = Moves[previous].Dc - Moves[d].Dc;
                nextBack = Array.IndexOf(Moves, (pr, pc));
                break;
            }
            if (next < 0) break;
            if (current == start && next == second) break;
            if (second < 0) second = next;
            current = next;
            back = nextBack;
            if (current == start) continue;
            points.Add(Point(current, stride, minRow, minCol));
        }
        return points;
    }

    private static (int, int) Point(int index, int stride, int minRow, int minCol) => (index / stride - 1 + minRow, index % stride - 1 + minCol);
}
