namespace Research.Processing.Labels;

/// <summary>
/// Connected pieces of the objects in a label image (0 = background, each other value one object).
/// A valid instance label image has exactly one connected piece per label.
/// </summary>
public static class LabelComponents
{
    /// <summary>
    /// For every label value, the number of connected pieces it forms under <paramref name="connectivity"/>
    /// (label 0 is not counted). Labels must be non-negative.
    /// </summary>
    public static Dictionary<int, int> PiecesPerLabel(ReadOnlySpan<int> labels, int width, int height, Connectivity connectivity = Connectivity.Four)
    {
        var pieces = new Dictionary<int, int>();
        var visited = new bool[labels.Length];
        var stack = new Stack<int>();
        for (int start = 0; start < labels.Length; start++)
        {
            int label = labels[start];
            if (label == 0 || visited[start]) continue;
            pieces[label] = pieces.GetValueOrDefault(label) + 1;
            Flood(labels, width, height, connectivity, start, visited, stack, null);
        }
        return pieces;
    }

    /// <summary>
    /// Keeps, for every label, only its largest connected piece (ties: the first in raster order) and sets the
    /// pixels of its other pieces to 0. Returns the number of pixels cleared.
    /// </summary>
    public static int KeepLargestPiece(Span<int> labels, int width, int height, Connectivity connectivity = Connectivity.Four)
    {
        var visited = new bool[labels.Length];
        var stack = new Stack<int>();
        var members = new List<int>();
        var best = new Dictionary<int, List<int>>();
        var discarded = new List<List<int>>();
        for (int start = 0; start < labels.Length; start++)
        {
            int label = labels[start];
            if (label == 0 || visited[start]) continue;
            members = new List<int>();
            Flood(labels, width, height, connectivity, start, visited, stack, members);
            if (!best.TryGetValue(label, out var current))
            {
                best[label] = members;
            }
            else if (members.Count > current.Count)
            {
                discarded.Add(current);
                best[label] = members;
            }
            else
            {
                discarded.Add(members);
            }
        }
        int cleared = 0;
        foreach (var piece in discarded)
        {
            foreach (int i in piece) labels[i] = 0;
            cleared += piece.Count;
        }
        return cleared;
    }

    private static void Flood(ReadOnlySpan<int> labels, int width, int height, Connectivity connectivity, int start,
        bool[] visited, Stack<int> stack, List<int>? members)
    {
        int label = labels[start];
        visited[start] = true;
        stack.Push(start);
        while (stack.Count > 0)
        {
            int i = stack.Pop();
            members?.Add(i);
            int x = i % width, y = i / width;
            for (int dy = -1; dy <= 1; dy++)
            {
                for (int dx = -1; dx <= 1; dx++)
                {
                    if (dx == 0 && dy == 0) continue;
                    if (connectivity == Connectivity.Four && dx != 0 && dy != 0) continue;
                    int nx = x + dx, ny = y + dy;
                    if ((uint)nx >= (uint)width || (uint)ny >= (uint)height) continue;
                    int j = ny * width + nx;
                    if (visited[j] || labels[j] != label) continue;
                    visited[j] = true;
                    stack.Push(j);
                }
            }
        }
    }
}
