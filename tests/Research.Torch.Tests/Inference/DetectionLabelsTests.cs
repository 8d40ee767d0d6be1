using Research.Torch.Inference;

namespace Research.Torch.Tests.Inference;

/// <summary>Detections to labels (score and mask thresholds, overlaps by score) and the tile cores that keep each detection once.</summary>
public sealed class DetectionLabelsTests
{
    // A 4 x 3 image; A (score 0.9) covers columns 0-1, B (0.6) columns 1-2, C (0.3) column 3.
    private static readonly ObjectDetection A = new(0.9f, 0, 0, 2, 3, [0.8f, 0.8f, 0.8f, 0.8f, 0.8f, 0.8f]);
    private static readonly ObjectDetection B = new(0.6f, 1, 0, 2, 3, [0.7f, 0.7f, 0.7f, 0.4f, 0.7f, 0.7f]);
    private static readonly ObjectDetection C = new(0.3f, 3, 0, 1, 3, [0.9f, 0.9f, 0.9f]);

    [Fact]
    public void Overlaps_go_to_the_higher_score_and_thresholds_apply_to_scores_and_masks()
    {
        var labels = DetectionLabels.Paint([C, B, A], 0.5, 0.5, 4, 3);
        // A owns columns 0-1 (it is painted over B); B keeps column 2 except row 1, where its probability is 0.4; C scores under 0.5
        Assert.Equal([1, 1, 2, 0, 1, 1, 0, 0, 1, 1, 2, 0], labels);
        var lower = DetectionLabels.Paint([C, B, A], 0.2, 0.5, 4, 3);
        Assert.Equal([1, 1, 2, 3, 1, 1, 0, 3, 1, 1, 2, 3], lower);
        var looseMasks = DetectionLabels.Paint([C, B, A], 0.5, 0.3, 4, 3);
        Assert.Equal([1, 1, 2, 0, 1, 1, 2, 0, 1, 1, 2, 0], looseMasks);
    }

    [Fact]
    public void Objects_left_under_the_minimum_area_are_removed_and_labels_stay_consecutive()
    {
        var labels = DetectionLabels.Paint([A, B, C], 0.0, 0.5, 4, 3, minArea: 4);
        // B keeps 2 px (column 2, rows 0 and 2) under A: removed; C (3 px) removed; A stays label 1
        Assert.Equal([1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0], labels);
    }

    [Fact]
    public void Tile_cores_partition_the_axis()
    {
        foreach (var (length, tile, overlap) in new[] { (1000, 256, 64), (513, 512, 64), (300, 128, 0), (700, 200, 90) })
        {
            var starts = TiledPrediction.Starts(length, tile, overlap).ToList();
            for (int k = 0; k < starts.Count; k++)
            {
                var (lo, hi) = TiledDetection.Core(starts, k, tile, length);
                Assert.True(lo < hi);
                if (k > 0) Assert.Equal(TiledDetection.Core(starts, k - 1, tile, length).Hi, lo);
                // the core lies inside the tile, at least half the overlap from an inner edge
                if (k > 0) Assert.True(lo >= starts[k] && lo <= starts[k - 1] + tile);
                if (k < starts.Count - 1) Assert.True(hi <= starts[k] + tile && hi >= starts[k + 1]);
            }
            Assert.Equal(float.NegativeInfinity, TiledDetection.Core(starts, 0, tile, length).Lo);
            Assert.Equal(float.PositiveInfinity, TiledDetection.Core(starts, starts.Count - 1, tile, length).Hi);
        }
    }
}
