namespace Research.Torch.Training;

/// <summary>One training image with its instance labels, as plain arrays (no tensors: made on loader threads).</summary>
/// <param name="Id">The sample's id.</param>
/// <param name="SourceId">The source image it came from; the train/validation split never separates samples of one source.</param>
/// <param name="Image">Pixels in channel-major (CHW) order, scaled to about [0, 1].</param>
/// <param name="Channels">Number of channels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Labels">Instance labels, row-major H x W (0 = background).</param>
public sealed record TrainingSample(string Id, string SourceId, float[] Image, int Channels, int Height, int Width, int[] Labels);
