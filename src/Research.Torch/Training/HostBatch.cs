using Research.Torch.Training.Tasks;

namespace Research.Torch.Training;

/// <summary>A batch prepared on the loader thread as plain arrays; the training thread turns it into tensors.</summary>
/// <param name="Count">Crops in the batch.</param>
/// <param name="Channels">Image channels.</param>
/// <param name="Height">Crop height.</param>
/// <param name="Width">Crop width.</param>
/// <param name="Images">Images, [Count, Channels, Height, Width].</param>
/// <param name="Mask">Foreground masks, [Count, 1, Height, Width].</param>
/// <param name="Classes">3-class targets [Count, Height, Width], or null when the loss does not need them.</param>
/// <param name="Weights">Per-pixel weights [Count, 1, Height, Width], or null when the loss does not need them.</param>
public sealed record HostBatch(int Count, int Channels, int Height, int Width, float[] Images, float[] Mask, long[]? Classes, float[]? Weights) : ITrainingBatch;
