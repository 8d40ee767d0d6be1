using TorchSharp;
using static TorchSharp.torch;

namespace Research.Torch.Detection;

/// <summary>
/// torchvision 0.14's <c>AnchorGenerator</c>: per feature map, cell anchors <c>round([-w, -h, w, h] / 2)</c> for
/// every (aspect ratio, size) pair (<c>h = size * sqrt(ratio)</c>, <c>w = size / sqrt(ratio)</c>, ratio-major),
/// shifted to every cell by the map's stride (<c>image size // map size</c>); anchors ordered by map, then cell
/// (row-major), then cell anchor.
/// </summary>
public sealed class AnchorGenerator
{
    /// <summary>Creates the generator; one size list and one aspect-ratio list per feature map.</summary>
    public AnchorGenerator(IReadOnlyList<IReadOnlyList<int>> sizes, IReadOnlyList<IReadOnlyList<double>> aspectRatios)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(aspectRatios);
        if (sizes.Count != aspectRatios.Count)
            throw new ArgumentException($"anchor generator: {sizes.Count} size lists but {aspectRatios.Count} aspect-ratio lists; give one of each per feature map");
        (Sizes, AspectRatios) = (sizes, aspectRatios);
    }

    /// <summary>Mask R-CNN's generator: sizes 32, 64, 128, 256, 512 (one per level), ratios 0.5, 1, 2 on every level.</summary>
    public static AnchorGenerator MaskRcnnDefault() => new(
        [[32], [64], [128], [256], [512]],
        Enumerable.Repeat<IReadOnlyList<double>>([0.5, 1.0, 2.0], 5).ToArray());

    /// <summary>The anchor sizes per feature map.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Sizes { get; }

    /// <summary>The aspect ratios (height / width) per feature map.</summary>
    public IReadOnlyList<IReadOnlyList<double>> AspectRatios { get; }

    /// <summary>The number of anchors per cell of each feature map.</summary>
    public IReadOnlyList<int> AnchorsPerLocation => Sizes.Select((s, i) => s.Count * AspectRatios[i].Count).ToArray();

    /// <summary>The zero-centred cell anchors of feature map <paramref name="level"/>, <c>[A, 4]</c> float32.</summary>
    public Tensor CellAnchors(int level, Device? device = null)
    {
        using var scope = NewDisposeScope();
        using var two = 2.ToScalar();
        var scales = tensor(Sizes[level].Select(s => (float)s).ToArray(), device: device);
        var ratios = tensor(AspectRatios[level].Select(r => (float)r).ToArray(), device: device);
        var hRatios = ratios.sqrt();
        var wRatios = hRatios.reciprocal();
        var ws = wRatios.unsqueeze(1).mul(scales.unsqueeze(0)).view(-1);
        var hs = hRatios.unsqueeze(1).mul(scales.unsqueeze(0)).view(-1);
        return stack([ws.neg(), hs.neg(), ws, hs], 1).div(two).round().MoveToOuterDisposeScope();
    }

    /// <summary>
    /// All anchors, <c>[sum of H * W * A, 4]</c> float32, for an image (batch tensor) of
    /// <paramref name="imageHeight"/> x <paramref name="imageWidth"/> and feature maps of the given sizes.
    /// </summary>
    public Tensor Generate(long imageHeight, long imageWidth, IReadOnlyList<(long Height, long Width)> featureSizes, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(featureSizes);
        if (featureSizes.Count != Sizes.Count)
            throw new ArgumentException($"anchor generator has {Sizes.Count} levels but got {featureSizes.Count} feature maps");
        using var scope = NewDisposeScope();
        using var one = 1.ToScalar();
        var perLevel = new List<Tensor>();
        for (int level = 0; level < featureSizes.Count; level++)
        {
            var (gridH, gridW) = featureSizes[level];
            using var strideH = (imageHeight / gridH).ToScalar();
            using var strideW = (imageWidth / gridW).ToScalar();
            var shiftsX = Ranges.Arange(gridW, ScalarType.Int64, device).mul(strideW);
            var shiftsY = Ranges.Arange(gridH, ScalarType.Int64, device).mul(strideH);
            var grid = meshgrid([shiftsY, shiftsX], indexing: "ij");
            var shiftY = grid[0].reshape(-1);
            var shiftX = grid[1].reshape(-1);
            var shifts = stack([shiftX, shiftY, shiftX, shiftY], 1).to_type(ScalarType.Float32);
            var cell = CellAnchors(level, device);
            perLevel.Add(shifts.view(-1, 1, 4).add(cell.view(1, -1, 4), one).reshape(-1, 4));
        }
        return cat(perLevel, 0).MoveToOuterDisposeScope();
    }
}
