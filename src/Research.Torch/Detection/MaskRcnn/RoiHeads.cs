using Research.Torch.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Research.Torch.Detection.MaskRcnn;

/// <summary>The detections of one image: boxes <c>[D, 4]</c>, scores <c>[D]</c>, labels <c>[D]</c> (int64, 1..C-1) and, when asked for, mask probabilities <c>[D, 1, 28, 28]</c> in the box frame.</summary>
public sealed record Detections(Tensor Boxes, Tensor Scores, Tensor Labels, Tensor? Masks) : IDisposable
{
    /// <inheritdoc />
    public void Dispose()
    {
        Boxes.Dispose();
        Scores.Dispose();
        Labels.Dispose();
        Masks?.Dispose();
    }
}

/// <summary>
/// torchvision's <c>RoIHeads</c> of Mask R-CNN at inference: proposals pooled 7 x 7 from P2-P5
/// (<see cref="MultiScaleRoiAlign"/>, sampling ratio 2), the two-layer MLP head (<c>box_head.fc6</c>, <c>fc7</c>,
/// 1024 wide), class scores and per-class box deltas (<c>box_predictor.cls_score</c>, <c>bbox_pred</c>, weights 10,
/// 10, 5, 5), softmax; boxes clipped, background dropped, scores above <see cref="ScoreThreshold"/>, boxes of at least
/// 1e-2 px, NMS per class at <see cref="NmsThreshold"/>, the <see cref="DetectionsPerImage"/> best. The mask branch
/// pools the detected boxes 14 x 14, runs four 3 x 3 convolutions with ReLU (<c>mask_head.i.0</c>), a 2 x 2
/// transposed convolution with ReLU (<c>mask_predictor.conv5_mask</c>) and a 1 x 1 convolution per class
/// (<c>mask_fcn_logits</c>), and keeps the sigmoid of each detection's class.
/// </summary>
public sealed class RoiHeads : Module
{
    private readonly Module<Tensor, Tensor> box_head;
    private readonly BoxPredictor box_predictor;
    private readonly Sequential mask_head;
    private readonly MaskPredictor mask_predictor;

    /// <summary>Heads over <paramref name="channels"/>-channel levels for <paramref name="classes"/> classes (background included).</summary>
    public RoiHeads(int channels, int classes, int representation = 1024) : base(nameof(RoiHeads))
    {
        Classes = classes;
        box_head = new TwoMlpHead(channels * 7 * 7, representation);
        box_predictor = new BoxPredictor(representation, classes);
        var convs = new List<Module<Tensor, Tensor>>();
        for (int i = 0; i < 4; i++) convs.Add(Sequential(Conv2d(i == 0 ? channels : 256, 256, 3, padding: 1)));
        mask_head = Sequential(convs);
        mask_predictor = new MaskPredictor(256, 256, classes);
        RegisterComponents();
    }

    /// <summary>Classes, background included.</summary>
    public int Classes { get; }

    /// <summary>The box coder of the class deltas.</summary>
    public BoxCoder Coder { get; } = new(10, 10, 5, 5);

    /// <summary>The 7 x 7 pooler of the box branch.</summary>
    public MultiScaleRoiAlign BoxPool { get; } = new(7, 2);

    /// <summary>The 14 x 14 pooler of the mask branch.</summary>
    public MultiScaleRoiAlign MaskPool { get; } = new(14, 2);

    /// <summary>Detections with a class score above this are kept.</summary>
    public double ScoreThreshold { get; init; } = 0.05;

    /// <summary>The per-class NMS IoU threshold.</summary>
    public double NmsThreshold { get; init; } = 0.5;

    /// <summary>Detections kept per image.</summary>
    public int DetectionsPerImage { get; init; } = 100;

    /// <summary>Class logits <c>[R, C]</c> and box deltas <c>[R, 4C]</c> of the proposals.</summary>
    public (Tensor Logits, Tensor Deltas) Boxes(IReadOnlyList<Tensor> levels, IReadOnlyList<Tensor> proposals, IReadOnlyList<(long Height, long Width)> imageSizes)
    {
        using var scope = NewDisposeScope();
        var pooled = BoxPool.Apply(levels, proposals, imageSizes);
        var (logits, deltas) = box_predictor.call(box_head.call(pooled));
        return (logits.MoveToOuterDisposeScope(), deltas.MoveToOuterDisposeScope());
    }

    /// <summary>Mask logits <c>[R, C, 28, 28]</c> of boxes (one tensor per image).</summary>
    public Tensor MaskLogits(IReadOnlyList<Tensor> levels, IReadOnlyList<Tensor> boxes, IReadOnlyList<(long Height, long Width)> imageSizes)
    {
        using var scope = NewDisposeScope();
        var x = MaskPool.Apply(levels, boxes, imageSizes);
        foreach (var conv in mask_head.children()) x = functional.relu(((Module<Tensor, Tensor>)conv).call(x));
        return mask_predictor.call(x).MoveToOuterDisposeScope();
    }

    /// <summary>The detections of each image (in the batch frame), with masks.</summary>
    public IReadOnlyList<Detections> Detect(IReadOnlyList<Tensor> levels, IReadOnlyList<Tensor> proposals, IReadOnlyList<(long Height, long Width)> imageSizes)
    {
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentNullException.ThrowIfNull(proposals);
        ArgumentNullException.ThrowIfNull(imageSizes);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var (logits, deltas) = Boxes(levels, proposals, imageSizes);
        var boxes = Coder.Decode(deltas, cat(proposals.ToArray(), 0)).view(-1, Classes, 4);
        var scores = functional.softmax(logits, -1);
        var results = new List<(Tensor Boxes, Tensor Scores, Tensor Labels)>();
        long start = 0;
        using Scalar threshold = ScoreThreshold.ToScalar();
        for (int i = 0; i < proposals.Count; i++)
        {
            long n = proposals[i].shape[0];
            var b = BoxOps.ClipBoxesToImage(boxes.narrow(0, start, n), imageSizes[i].Height, imageSizes[i].Width);
            var s = scores.narrow(0, start, n);
            start += n;
            var labels = Ranges.Arange(Classes, ScalarType.Int64, s.device).view(1, -1).expand_as(s);
            b = b.narrow(1, 1, Classes - 1).reshape(-1, 4);
            var sc = s.narrow(1, 1, Classes - 1).reshape(-1);
            var lb = labels.narrow(1, 1, Classes - 1).reshape(-1);
            var keep = sc.gt(threshold).nonzero().flatten();
            (b, sc, lb) = (b.index_select(0, keep), sc.index_select(0, keep), lb.index_select(0, keep));
            keep = BoxOps.RemoveSmallBoxes(b, 1e-2);
            (b, sc, lb) = (b.index_select(0, keep), sc.index_select(0, keep), lb.index_select(0, keep));
            keep = Nms.Batched(b, sc, lb, NmsThreshold);
            if (keep.shape[0] > DetectionsPerImage) keep = keep.narrow(0, 0, DetectionsPerImage);
            results.Add((b.index_select(0, keep), sc.index_select(0, keep), lb.index_select(0, keep)));
        }
        var maskLogits = MaskLogits(levels, [.. results.Select(r => r.Boxes)], imageSizes);
        var allLabels = cat([.. results.Select(r => r.Labels)], 0);
        var probabilities = maskLogits.sigmoid();
        var chosen = probabilities[Ranges.Arange(allLabels.shape[0], ScalarType.Int64, allLabels.device), allLabels].unsqueeze(1);
        var output = new List<Detections>();
        start = 0;
        foreach (var r in results)
        {
            long n = r.Boxes.shape[0];
            output.Add(new Detections(r.Boxes.MoveToOuterDisposeScope(), r.Scores.MoveToOuterDisposeScope(), r.Labels.MoveToOuterDisposeScope(),
                chosen.narrow(0, start, n).MoveToOuterDisposeScope()));
            start += n;
        }
        return output;
    }

    /// <summary>Proposals sampled per image for the losses.</summary>
    public int BatchSizePerImage { get; set; } = 512;

    /// <summary>The largest share of positives among the sampled proposals.</summary>
    public double PositiveFraction { get; init; } = 0.25;

    /// <summary>
    /// torchvision's training losses of the heads: the true boxes join the proposals, proposals are matched to the truth
    /// (IoU 0.5), <see cref="BatchSizePerImage"/> sampled; the classifier's cross-entropy over the sample, the smooth L1
    /// (beta 1/9) of the positives' deltas of their true class summed and divided by the sample size, and the binary
    /// cross-entropy of the positives' 28 x 28 mask logits of their class against their truth mask cut out of the image by
    /// RoIAlign (1 x 1 scale, adaptive sampling, not aligned; <see cref="MaskTargets"/>); 0 when there is no positive.
    /// </summary>
    public (Tensor Classifier, Tensor BoxRegression, Tensor Mask) Losses(IReadOnlyList<Tensor> levels, IReadOnlyList<Tensor> proposals,
        IReadOnlyList<(long Height, long Width)> imageSizes, IReadOnlyList<MaskRcnnTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentNullException.ThrowIfNull(proposals);
        ArgumentNullException.ThrowIfNull(targets);
        using var scope = NewDisposeScope();
        var sampledProposals = new List<Tensor>();
        var sampledLabels = new List<Tensor>();
        var sampledMatches = new List<Tensor>();
        var regressionTargets = new List<Tensor>();
        using (var noGrad = no_grad())
        {
            using Scalar zero = 0.ToScalar(), below = Matcher.BelowLowThreshold.ToScalar(), between = Matcher.BetweenThresholds.ToScalar(), minusOne = (-1L).ToScalar(), zeroLabel = 0L.ToScalar();
            for (int i = 0; i < proposals.Count; i++)
            {
                var target = targets[i];
                var all = cat([proposals[i], target.Boxes.to_type(proposals[i].dtype)], 0);
                Tensor matches, labels;
                if (target.Boxes.shape[0] == 0)
                {
                    matches = zeros(all.shape[0], dtype: ScalarType.Int64, device: all.device);
                    labels = zeros(all.shape[0], dtype: ScalarType.Int64, device: all.device);
                }
                else
                {
                    var raw = Matcher.Match(BoxOps.BoxIou(target.Boxes, all), 0.5, 0.5, allowLowQuality: false);
                    matches = raw.clamp_min(zero);
                    labels = target.Labels.index_select(0, matches).masked_fill(raw.eq(below), zeroLabel).masked_fill(raw.eq(between), minusOne);
                }
                var (p, n) = BalancedSampler.Sample(labels, BatchSizePerImage, PositiveFraction);
                var sampled = cat([p, n], 0).sort().Values;
                var boxes = all.index_select(0, sampled);
                matches = matches.index_select(0, sampled);
                var truth = target.Boxes.shape[0] == 0 ? zeros([boxes.shape[0], 4], device: boxes.device) : target.Boxes.to_type(boxes.dtype).index_select(0, matches);
                sampledProposals.Add(boxes);
                sampledLabels.Add(labels.index_select(0, sampled));
                sampledMatches.Add(matches);
                regressionTargets.Add(Coder.Encode(truth, boxes));
            }
        }
        var (logits, deltas) = Boxes(levels, sampledProposals, imageSizes);
        var allLabels = cat(sampledLabels, 0);
        var classifier = functional.cross_entropy(logits, allLabels);
        using Scalar none = 0L.ToScalar(), one = 1.ToScalar();
        var positive = allLabels.gt(none).nonzero().flatten();
        var positiveLabels = allLabels.index_select(0, positive);
        var classDeltas = deltas.reshape(deltas.shape[0], -1, 4).index_select(0, positive)[Ranges.Arange(positive.shape[0], ScalarType.Int64, deltas.device), positiveLabels];
        using var count = ((double)allLabels.numel()).ToScalar();
        var boxLoss = functional.smooth_l1_loss(classDeltas, cat(regressionTargets, 0).index_select(0, positive), reduction: nn.Reduction.Sum, beta: 1.0 / 9).div(count);

        // masks of the positives
        var maskBoxes = new List<Tensor>();
        var maskTargets = new List<Tensor>();
        var maskLabels = new List<Tensor>();
        for (int i = 0; i < sampledProposals.Count; i++)
        {
            var pos = sampledLabels[i].gt(none).nonzero().flatten();
            var boxes = sampledProposals[i].index_select(0, pos);
            maskBoxes.Add(boxes);
            maskLabels.Add(sampledLabels[i].index_select(0, pos));
            if (pos.numel() == 0) continue;
            using var noGrad = no_grad();
            maskTargets.Add(MaskTargets.Project(targets[i].Masks, sampledMatches[i].index_select(0, pos), boxes, 28));
        }
        Tensor maskLoss;
        if (maskTargets.Count == 0)
        {
            maskLoss = logits.sum().mul(none);
        }
        else
        {
            var maskLogits = MaskLogits(levels, maskBoxes, imageSizes);
            var labelsOfMasks = cat(maskLabels, 0);
            var chosen = maskLogits[Ranges.Arange(labelsOfMasks.shape[0], ScalarType.Int64, maskLogits.device), labelsOfMasks];
            maskLoss = functional.binary_cross_entropy_with_logits(chosen, cat(maskTargets, 0));
        }
        return (classifier.MoveToOuterDisposeScope(), boxLoss.MoveToOuterDisposeScope(), maskLoss.MoveToOuterDisposeScope());
    }

    private sealed class TwoMlpHead : Module<Tensor, Tensor>
    {
        private readonly Linear fc6, fc7;

        public TwoMlpHead(int inputs, int representation) : base(nameof(TwoMlpHead))
        {
            fc6 = Linear(inputs, representation);
            fc7 = Linear(representation, representation);
            RegisterComponents();
        }

        public override Tensor forward(Tensor input)
        {
            using var scope = NewDisposeScope();
            return functional.relu(fc7.call(functional.relu(fc6.call(input.flatten(1))))).MoveToOuterDisposeScope();
        }
    }

    private sealed class BoxPredictor : Module<Tensor, (Tensor, Tensor)>
    {
        private readonly Linear cls_score, bbox_pred;

        public BoxPredictor(int inputs, int classes) : base(nameof(BoxPredictor))
        {
            cls_score = Linear(inputs, classes);
            bbox_pred = Linear(inputs, classes * 4);
            RegisterComponents();
        }

        public override (Tensor, Tensor) forward(Tensor input)
        {
            using var scope = NewDisposeScope();
            var x = input.flatten(1);
            return (cls_score.call(x).MoveToOuterDisposeScope(), bbox_pred.call(x).MoveToOuterDisposeScope());
        }
    }

    private sealed class MaskPredictor : Module<Tensor, Tensor>
    {
        private readonly ConvTranspose2d conv5_mask;
        private readonly Conv2d mask_fcn_logits;

        public MaskPredictor(int inputs, int layers, int classes) : base(nameof(MaskPredictor))
        {
            conv5_mask = ConvTranspose2d(inputs, layers, 2, stride: 2);
            mask_fcn_logits = Conv2d(layers, classes, 1);
            RegisterComponents();
        }

        public override Tensor forward(Tensor input)
        {
            using var scope = NewDisposeScope();
            return mask_fcn_logits.call(functional.relu(conv5_mask.call(input))).MoveToOuterDisposeScope();
        }
    }
}
