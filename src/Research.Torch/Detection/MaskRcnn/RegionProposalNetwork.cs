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

    /// <summary>Proposals kept per level before NMS while training.</summary>
    public int TrainingPreNmsTopN { get; init; } = 2000;

    /// <summary>Proposals kept per image after NMS while training.</summary>
    public int TrainingPostNmsTopN { get; init; } = 2000;

    /// <summary>Anchors sampled per image for the losses.</summary>
    public int BatchSizePerImage { get; set; } = 256;

    /// <summary>The largest share of positives among the sampled anchors.</summary>
    public double PositiveFraction { get; init; } = 0.5;

    /// <summary>Proposals (one <c>[K, 4]</c> tensor per image) for a batch of <paramref name="batchHeight"/> x <paramref name="batchWidth"/> whose images have <paramref name="imageSizes"/>.</summary>
    public IReadOnlyList<Tensor> Propose(IReadOnlyList<Tensor> features, long batchHeight, long batchWidth, IReadOnlyList<(long Height, long Width)> imageSizes)
    {
        using var noGrad = no_grad();
        return Forward(features, batchHeight, batchWidth, imageSizes, null).Proposals;
    }

    /// <summary>
    /// Proposals and, with <paramref name="targets"/> (training), torchvision's two RPN losses: anchors matched to the
    /// truth (IoU 0.7 / 0.3, low-quality matches kept), <see cref="BatchSizePerImage"/> sampled per image, binary
    /// cross-entropy of the objectness over the sample and smooth L1 (beta 1/9) of the positives' deltas summed and
    /// divided by the sample size.
    /// </summary>
    public (IReadOnlyList<Tensor> Proposals, Tensor? ObjectnessLoss, Tensor? BoxLoss) Forward(IReadOnlyList<Tensor> features, long batchHeight, long batchWidth,
        IReadOnlyList<(long Height, long Width)> imageSizes, IReadOnlyList<MaskRcnnTarget>? targets)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(imageSizes);
        using var scope = NewDisposeScope();
        bool training = targets is not null;
        long images = features[0].shape[0];
        var outputs = Head(features);
        var anchors = Anchors.Generate(batchHeight, batchWidth, [.. features.Select(f => (f.shape[2], f.shape[3]))], features[0].device);
        var perLevel = outputs.Select(o => o.Objectness.shape[1] * o.Objectness.shape[2] * o.Objectness.shape[3]).ToArray();
        var objectness = cat([.. outputs.Select(o => Flatten(o.Objectness, 1))], 1).reshape(images, -1);
        var deltas = cat([.. outputs.Select(o => Flatten(o.Deltas, 4))], 1).reshape(-1, 4);
        var allAnchors = cat([.. Enumerable.Repeat(anchors, (int)images)], 0);
        var result = new List<Tensor>();
        using (var noGrad = no_grad())
        {
            var proposals = Coder.Decode(deltas.detach(), allAnchors).view(images, -1, 4);
            var scoresAll = objectness.detach();
            var top = new List<Tensor>();
            long offset = 0;
            foreach (long levelCount in perLevel)
            {
                long n = Math.Min(training ? TrainingPreNmsTopN : PreNmsTopN, levelCount);
                using Scalar shift = offset.ToScalar(), one = 1.ToScalar();
                top.Add(scoresAll.narrow(1, offset, levelCount).topk((int)n, dim: 1).indexes.add(shift, one));
                offset += levelCount;
            }
            var topIndex = cat(top, 1);
            var levelParts = new List<Tensor>();
            for (int l = 0; l < perLevel.Length; l++)
            {
                using var value = l.ToScalar();
                levelParts.Add(full([perLevel[l]], value, dtype: ScalarType.Int64, device: objectness.device));
            }
            var levels = cat(levelParts, 0);
            int post = training ? TrainingPostNmsTopN : PostNmsTopN;
            for (int i = 0; i < images; i++)
            {
                var index = topIndex[i];
                var scores = scoresAll[i].index_select(0, index).sigmoid();
                var level = levels.index_select(0, index);
                var boxes = BoxOps.ClipBoxesToImage(proposals[i].index_select(0, index), imageSizes[i].Height, imageSizes[i].Width);
                var keep = BoxOps.RemoveSmallBoxes(boxes, MinSize);
                (boxes, scores, level) = (boxes.index_select(0, keep), scores.index_select(0, keep), level.index_select(0, keep));
                keep = Nms.Batched(boxes, scores, level, NmsThreshold);
                if (keep.shape[0] > post) keep = keep.narrow(0, 0, post);
                result.Add(boxes.index_select(0, keep).MoveToOuterDisposeScope());
            }
        }
        if (!training) return (result, null, null);

        var labels = new List<Tensor>();
        var regression = new List<Tensor>();
        using (var noGrad = no_grad())
        {
            foreach (var target in targets!)
            {
                if (target.Boxes.shape[0] == 0)
                {
                    labels.Add(zeros(anchors.shape[0], device: anchors.device));
                    regression.Add(Coder.Encode(zeros_like(anchors), anchors));
                    continue;
                }
                var matches = Matcher.Match(BoxOps.BoxIou(target.Boxes, anchors), 0.7, 0.3, allowLowQuality: true);
                using Scalar zero = 0.ToScalar(), below = Matcher.BelowLowThreshold.ToScalar(), between = Matcher.BetweenThresholds.ToScalar(), minusOne = (-1.0).ToScalar(), zeroValue = 0.0.ToScalar();
                var matchedBoxes = target.Boxes.index_select(0, matches.clamp_min(zero));
                var l = matches.ge(zero).to_type(ScalarType.Float32);
                l = l.masked_fill(matches.eq(below), zeroValue).masked_fill(matches.eq(between), minusOne);
                labels.Add(l);
                regression.Add(Coder.Encode(matchedBoxes, anchors));
            }
        }
        var positives = new List<Tensor>();
        var sampled = new List<Tensor>();
        long anchorsPerImage = anchors.shape[0];
        for (int i = 0; i < labels.Count; i++)
        {
            var (p, n) = BalancedSampler.Sample(labels[i], BatchSizePerImage, PositiveFraction);
            using var shift = (i * anchorsPerImage).ToScalar();
            using var one = 1.ToScalar();
            positives.Add(p.add(shift, one));
            sampled.Add(cat([p, n], 0).add(shift, one));
        }
        var positive = cat(positives, 0);
        var sample = cat(sampled, 0);
        var allLabels = cat(labels, 0);
        var allRegression = cat(regression, 0);
        using var count = ((double)sample.numel()).ToScalar();
        var boxLoss = functional.smooth_l1_loss(deltas.index_select(0, positive), allRegression.index_select(0, positive), reduction: nn.Reduction.Sum, beta: 1.0 / 9).div(count);
        var objectnessLoss = functional.binary_cross_entropy_with_logits(objectness.flatten().index_select(0, sample), allLabels.index_select(0, sample));
        return (result, objectnessLoss.MoveToOuterDisposeScope(), boxLoss.MoveToOuterDisposeScope());
    }

    /// <summary>torchvision's <c>permute_and_flatten</c>: <c>[N, A*C, H, W]</c> to <c>[N, H*W*A, C]</c>.</summary>
    private static Tensor Flatten(Tensor layer, long c)
    {
        long n = layer.shape[0], a = layer.shape[1] / c, h = layer.shape[2], w = layer.shape[3];
        return layer.view(n, a, c, h, w).permute(0, 3, 4, 1, 2).reshape(n, -1, c);
    }
}
