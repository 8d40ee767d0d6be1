namespace Research.Torch.Training.Tasks;

/// <summary>A batch of square crops with their instance labels (after augmentation and the cut-object rule), as plain arrays.</summary>
/// <param name="Count">Crops.</param>
/// <param name="Channels">Image channels.</param>
/// <param name="Size">Crop side.</param>
/// <param name="Images">[Count, Channels, Size, Size].</param>
/// <param name="Labels">Each crop's instance labels, row-major Size x Size.</param>
/// <param name="Kept">Objects in the batch.</param>
/// <param name="Dropped">Cut objects the rule dropped (<see cref="CutObjects"/>).</param>
public sealed record InstanceBatch(int Count, int Channels, int Size, float[] Images, int[][] Labels, int Kept, int Dropped) : ITrainingBatch;
