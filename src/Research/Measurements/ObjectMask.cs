using Research.Metrics;

namespace Research.Measurements;

/// <summary>
/// One object's pixels cut out of a label image: its bounding box with a one-pixel frame of background on every side,
/// 1 where the label is the object's, row-major. Row <c>y</c> of the mask is row <c>MinRow + y - 1</c> of the image.
/// </summary>
public sealed class ObjectMask
{
    private ObjectMask(int rows, int cols, byte[] pixels)
    {
        Rows = rows;
        Cols = cols;
        Pixels = pixels;
    }

    /// <summary>Rows of the bounding box (the mask has two more).</summary>
    public int Rows { get; }

    /// <summary>Columns of the bounding box (the mask has two more).</summary>
    public int Cols { get; }

    /// <summary>Samples per mask row: <see cref="Cols"/> + 2.</summary>
    public int Stride => Cols + 2;

    /// <summary>The framed mask, (<see cref="Rows"/> + 2) x <see cref="Stride"/>, 1 = object.</summary>
    public byte[] Pixels { get; }

    /// <summary>Whether bounding-box pixel (<paramref name="row"/>, <paramref name="col"/>) belongs to the object (0-based in the box).</summary>
    public bool this[int row, int col] => Pixels[(row + 1) * Stride + col + 1] != 0;

    /// <summary>Cuts out label <paramref name="label"/> inside the inclusive box (rows <paramref name="minRow"/>..<paramref name="maxRow"/>, columns <paramref name="minCol"/>..<paramref name="maxCol"/>).</summary>
    public static ObjectMask Cut(LabelImage labels, int label, int minRow, int minCol, int maxRow, int maxCol)
    {
        ArgumentNullException.ThrowIfNull(labels);
        int rows = maxRow - minRow + 1, cols = maxCol - minCol + 1, stride = cols + 2;
        var pixels = new byte[(rows + 2) * stride];
        int[] data = labels.Data;
        for (int r = 0; r < rows; r++)
        {
            int from = (minRow + r) * labels.Width + minCol, to = (r + 1) * stride + 1;
            for (int c = 0; c < cols; c++) pixels[to + c] = data[from + c] == label ? (byte)1 : (byte)0;
        }
        return new ObjectMask(rows, cols, pixels);
    }

    /// <summary>A mask from a bounding-box-sized boolean grid (rows x cols), for tests and hand-made shapes.</summary>
    public static ObjectMask FromGrid(bool[,] grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        int rows = grid.GetLength(0), cols = grid.GetLength(1), stride = cols + 2;
        var pixels = new byte[(rows + 2) * stride];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++) pixels[(r + 1) * stride + c + 1] = grid[r, c] ? (byte)1 : (byte)0;
        }
        return new ObjectMask(rows, cols, pixels);
    }
}
