using Research.Imaging;

namespace Research.Datasets.Synthetic;

/// <summary>
/// One generated image with its exact instance labels (0 = background, objects numbered 1..<see cref="ObjectCount"/>,
/// each one 4-connected piece).
/// </summary>
/// <param name="Id">The sample's id, for example <c>synth-0007</c>.</param>
/// <param name="Image">The grey image: <see cref="Image{T}"/> of byte or ushort, one channel.</param>
/// <param name="Labels">The 16-bit instance label image of the same size.</param>
/// <param name="ObjectCount">Number of objects (the largest label).</param>
public sealed record SyntheticSample(string Id, IImage Image, Image<ushort> Labels, int ObjectCount);
