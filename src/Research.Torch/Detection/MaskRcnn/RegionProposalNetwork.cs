using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Research.Torch.Detection.MaskRcnn;

/// <summary>
/// torchvision's <c>RegionProposalNetwork</c> at inference: the head (<c>head</c>) scores every anchor of every level,
/// the deltas (weights 1, 1, 1, 1) move the anchors, each level keeps its <see cref="PreNmsTopN"/> best, boxes are
/// clipped to their image, those under 1e-3 px dropped, NMS at <see cref="NmsThreshold"/> runs per level, and the
/// <see cref="PostNmsTopN"/> best remain, in decreasing objectness.
/// </summary>
public sealed class RegionProposalNetwork : Module
{
    private readonly RpnHead head;

    /// <summary>The RPN over <paramref name="channels"/>-channel levels with <paramref name="anchors"/>.</summary>
    public RegionProposalNetwork(int channels, AnchorGenerator anchors) : base(nameof(RegionProposalNetwork))
    {
        Anchors = anchors ?? throw new ArgumentNullException(nameof(anchors));
        head = new RpnHead(channels, anchors.AnchorsPerLocation[0]);
        RegisterComponents();
    }

    /// <summary>The anchor generator.</summary>
    public AnchorGenerator Anchors { get; }

    /// <summary>The box coder of the deltas.</summary>
    public BoxCoder Coder { get; } = new(1, 1, 1, 1);

    /// <summary>Proposals kept per level before NMS (torchvision's test value).</summary>
    public int PreNmsTopN { get; init; } = 1000;

    /// <summary>Proposals kept per image after NMS.</summary>
    public int PostNmsTopN { get; init; } = 1000;

    /// <summary>The NMS IoU threshold.</summary>
    public double NmsThreshold { get; init; } = 0.7;

    /// <summary>The smallest side kept.</summary>
    public double MinSize { get; init; } = 1e-3;

    /// <summary>The head's outputs per level: objectness <c>[N, A, H, W]</c> and deltas <c>[N, 4A, H, W]</c>.</summary>
    public IReadOnlyList<(Tensor Objectness, Tensor Deltas)> Head(IReadOnlyList<Tensor> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        return [.. features.Select(f => head.call(f))];
    }

    /// <summary>Proposals (one <c>[K, 4]</c> tensor per image) for a batch of <paramref name="batchHeight"/> x <paramref name="batchWidth"/> whose images have <paramref name="imageSizes"/>.</summary>
    public IReadOnlyList<Tensor> Propose(IReadOnlyList<Tensor> features, long batchHeight, long batchWidth, IReadOnlyList<(long Height, long Width)> imageSizes)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(imageSizes);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        long images = features[0].shape[0];
        var outputs = Head(features);
        var anchors = Anchors.Generate(batchHeight, batchWidth, [.. features.Select(f => (f.shape[2], f.shape[3]))], features[0].device);
        var perLevel = outputs.Select(o => o.Objectness.shape[1] * o.Objectness.shape[2] * o.Objectness.shape[3]).ToArray();
        var objectness = cat([.. outputs.Select(o => Flatten(o.Objectness, 1))], 1).reshape(images, -1);
        var deltas = cat([.. outputs.Select(o => Flatten(o.Deltas, 4))], 1).reshape(-1, 4);
        var allAnchors = cat([.. Enumerable.Repeat(anchors, (int)images)], 0);
        var proposals = Coder.Decode(deltas, allAnchors).view(images, -1, 4);
        // the best of each level
        var top = new List<Tensor>();
        long offset = 0;
        foreach (long count in perLevel)
        {
            long n = Math.Min(PreNmsTopN, count);
            using Scalar shift = offset.ToScalar(), one = 1.ToScalar();
            top.Add(objectness.narrow(1, offset, count).topk((int)n, dim: 1).indexes.add(shift, one));
            offset += count;
        }
        var topIndex = cat(top, 1);
        var levelParts = new List<Tensor>();
        for (int l = 0; l < perLevel.Length; l++)
        {
            using var value = l.ToScalar();
            levelParts.Add(full([perLevel[l]], value, dtype: ScalarType.Int64, device: objectness.device));
        }
        var levels = cat(levelParts, 0);
        var result = new List<Tensor>();
        for (int i = 0; i < images; i++)
        {
            var index = topIndex[i];
            var scores = objectness[i].index_select(0, index).sigmoid();
            var level = levels.index_select(0, index);
            var boxes = BoxOps.ClipBoxesToImage(proposals[i].index_select(0, index), imageSizes[i].Height, imageSizes[i].Width);
            var keep = BoxOps.RemoveSmallBoxes(boxes, MinSize);
            (boxes, scores, level) = (boxes.index_select(0, keep), scores.index_select(0, keep), level.index_select(0, keep));
            keep = Nms.Batched(boxes, scores, level, NmsThreshold);
            if (keep.shape[0] > PostNmsTopN) keep = keep.narrow(0, 0, PostNmsTopN);
            result.Add(boxes.index_select(0, keep).MoveToOuterDisposeScope());
        }
        return result;
    }

    /// <summary>torchvision's <c>permute_and_flatten</c>: <c>[N, A*C, H, W]</c> to <c>[N, H*W*A, C]</c>.</summary>
    private static Tensor Flatten(Tensor layer, long c)
    {
        long n = layer.shape[0], a = layer.shape[1] / c, h = layer.shape[2], w = layer.shape[3];
        return layer.view(n, a, c, h, w).permute(0, 3, 4, 1, 2).reshape(n, -1, c);
    }
}
