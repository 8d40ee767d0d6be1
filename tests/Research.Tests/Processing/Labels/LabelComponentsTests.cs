using Research.Processing.Labels;

namespace Research.Tests.Processing.Labels;

public sealed class LabelComponentsTests
{
    // 5x3 grid. Label 1 has pieces {(0,0),(1,0)} and {(4,0)}; label 2 touches label 1 at (1,1)-(1,0);
    // label 3 is diagonal-only connected: (3,1) and (4,2).
    private static readonly int[] Grid =
    [
        1, 1, 0, 0, 1,
        0, 2, 2, 3, 0,
        0, 0, 0, 0, 3,
    ];

    [Fact]
    public void Counts_pieces_with_four_and_eight_connectivity()
    {
        var four = LabelComponents.PiecesPerLabel(Grid, 5, 3, Connectivity.Four);
        Assert.Equal(2, four[1]);
        Assert.Equal(1, four[2]);
        Assert.Equal(2, four[3]); // diagonal neighbours are separate under 4-connectivity
        var eight = LabelComponents.PiecesPerLabel(Grid, 5, 3, Connectivity.Eight);
        Assert.Equal(1, eight[3]);
        Assert.Equal(2, eight[1]);
    }

    [Fact]
    public void Keeps_the_largest_piece_and_clears_the_rest()
    {
        int[] labels = (int[])Grid.Clone();
        int cleared = LabelComponents.KeepLargestPiece(labels, 5, 3, Connectivity.Four);
        Assert.Equal(2, cleared); // (4,0) of label 1 and (4,2) of label 3 (tie: first in raster order kept)
        Assert.Equal(0, labels[4]);
        Assert.Equal(3, labels[8]);
        Assert.Equal(0, labels[14]);
        Assert.All(LabelComponents.PiecesPerLabel(labels, 5, 3).Values, pieces => Assert.Equal(1, pieces));
    }
}
