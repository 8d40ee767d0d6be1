using Research.Randomness;

namespace Research.Torch.Training;

/// <summary>
/// Augments one square training crop in place of its arrays: the same geometry for image (CHW), labels (HW).
/// The seam for the augmentation branch's transforms (random pipelines, 113-fold).
/// </summary>
public interface ICropAugmenter
{
    /// <summary>Returns the augmented image and labels of a <paramref name="size"/> x <paramref name="size"/> crop.</summary>
    (float[] Image, int[] Labels) Apply(float[] image, int[] labels, int channels, int size, SeededRandom random);
}
