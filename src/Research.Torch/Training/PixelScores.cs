namespace Research.Torch.Training;

/// <summary>
/// Streaming pixel counts of thresholded predictions against masks, summed over images (micro average).
/// A small stand-in for the metrics branch's streaming evaluator.
/// </summary>
public sealed class PixelScores
{
    private long _intersection, _predicted, _truth;

    /// <summary>Adds one image: predicted and true foreground flags of the same pixels.</summary>
    public void Add(ReadOnlySpan<bool> predicted, ReadOnlySpan<bool> truth)
    {
        for (int i = 0; i < predicted.Length; i++)
        {
            if (predicted[i]) _predicted++;
            if (truth[i]) _truth++;
            if (predicted[i] && truth[i]) _intersection++;
        }
    }

    /// <summary>2|P and T| / (|P| + |T|); 1 when both are empty.</summary>
    public double Dice => _predicted + _truth == 0 ? 1 : 2.0 * _intersection / (_predicted + _truth);

    /// <summary>|P and T| / |P or T|; 1 when both are empty.</summary>
    public double Iou => _predicted + _truth - _intersection == 0 ? 1 : (double)_intersection / (_predicted + _truth - _intersection);
}
