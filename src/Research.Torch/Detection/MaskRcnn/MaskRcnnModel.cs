using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Research.Torch.Detection.MaskRcnn;

/// <summary>What Mask R-CNN found in one image, in its pixels.</summary>
/// <param name="Boxes">[D, 4] (x0, y0, x1, y1).</param>
/// <param name="Scores">[D] class scores, highest first within each class.</param>
/// <param name="Labels">[D] classes (int64, 1..C-1).</param>
/// <param name="Masks">[D, 1, H, W] mask probabilities at the image's size.</param>
public sealed record InstancePrediction(Tensor Boxes, Tensor Scores, Tensor Labels, Tensor Masks) : IDisposable
{
    /// <inheritdoc />
    public void Dispose()
    {
        Boxes.Dispose();
        Scores.Dispose();
        Labels.Dispose();
        Masks.Dispose();
    }
}

/// <summary>
/// Mask R-CNN (He et al. 2017) as torchvision 0.14's <c>MaskRCNN</c> builds it over a ResNet-FPN backbone, with its
/// state-dict names (<c>backbone.body.*</c>, <c>backbone.fpn.*</c>, <c>rpn.head.*</c>, <c>roi_heads.*</c>), so a state
/// dict saved by torchvision loads unchanged (batch-norm <c>num_batches_tracked</c> entries aside). This is the
/// inference path: <see cref="Transform"/>, <see cref="DetectionBackbone"/>, <see cref="RegionProposalNetwork"/>,
/// <see cref="RoiHeads"/>, then boxes and masks back in the image's pixels.
/// </summary>
public sealed class MaskRcnnModel : Module
{
    private readonly DetectionBackbone backbone;
    private readonly RegionProposalNetwork rpn;
    private readonly RoiHeads roi_heads;

    /// <summary>
    /// Builds the model on <paramref name="backboneName"/> (resnet18, resnet34, resnet50) for <paramref name="classes"/>
    /// classes, background included; <paramref name="batchNorm"/> gives the trunk trainable batch norm (training from
    /// scratch, see <see cref="ResNetBody"/>); <paramref name="detectionsPerImage"/> is torchvision's
    /// <c>box_detections_per_img</c> (100; images of several hundred nuclei need more); <paramref name="anchorSizes"/>
    /// one anchor size per pyramid level P2-P6 (null: torchvision's 32, 64, 128, 256, 512), each with ratios 0.5, 1, 2.
    /// </summary>
    public MaskRcnnModel(string backboneName, int classes, DetectionTransform? transform = null, bool batchNorm = false, int detectionsPerImage = 100,
        IReadOnlyList<int>? anchorSizes = null) : base(nameof(MaskRcnnModel))
    {
        if (classes < 2) throw new ArgumentException($"{classes} classes: Mask R-CNN needs the background and at least one object class", nameof(classes));
        BackboneName = backboneName;
        backbone = new DetectionBackbone(backboneName, batchNorm: batchNorm);
        if (anchorSizes is not null && anchorSizes.Count != 5) throw new ArgumentException($"give one anchor size per level P2-P6 (5), got {anchorSizes.Count}", nameof(anchorSizes));
        var anchors = anchorSizes is null ? AnchorGenerator.MaskRcnnDefault()
            : new AnchorGenerator([.. anchorSizes.Select(a => (IReadOnlyList<int>)[a])], [.. anchorSizes.Select(_ => (IReadOnlyList<double>)[0.5, 1.0, 2.0])]);
        rpn = new RegionProposalNetwork(backbone.OutChannels, anchors);
        roi_heads = new RoiHeads(backbone.OutChannels, classes) { DetectionsPerImage = detectionsPerImage };
        Transform = transform ?? new DetectionTransform();
        RegisterComponents();
    }

    /// <summary>The backbone's name.</summary>
    public string BackboneName { get; }

    /// <summary>The input transform.</summary>
    public DetectionTransform Transform { get; }

    /// <summary>The backbone.</summary>
    public DetectionBackbone Backbone => backbone;

    /// <summary>The region proposal network.</summary>
    public RegionProposalNetwork Rpn => rpn;

    /// <summary>The box and mask heads.</summary>
    public RoiHeads Heads => roi_heads;

    /// <summary>
    /// Parameters as torchvision counts them for the same model built without trained weights (where batch norm is not
    /// frozen): the trainable ones plus the frozen batch norms' scales and shifts (43,975,515 for ResNet-50 and two classes).
    /// </summary>
    public long TorchvisionParameterCount =>
        parameters().Sum(p => p.numel()) + modules().OfType<FrozenBatchNorm2d>().Sum(m => m.get_buffer("weight")!.numel() + m.get_buffer("bias")!.numel());

    /// <summary>
    /// torchvision's five training losses for <paramref name="images"/> (<c>[3, H, W]</c> RGB in [0, 1]) and their truth
    /// (boxes and masks in each image's pixels): the truth is resized with the images, the RPN and the heads sample
    /// anchors and proposals with torch's generator (seed it for repeatable runs).
    /// </summary>
    /// <param name="images">The images.</param>
    /// <param name="targets">Their truth.</param>
    /// <param name="transform">The input transform (null: <see cref="Transform"/>).</param>
    /// <param name="updateNormStatistics">False leaves trainable batch norm in evaluation mode (running statistics used, not updated), for validation losses.</param>
    /// <exception cref="InputException">A box with no width or height (named by image and index).</exception>
    public MaskRcnnLosses Losses(IReadOnlyList<Tensor> images, IReadOnlyList<MaskRcnnTarget> targets, DetectionTransform? transform = null, bool updateNormStatistics = true)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(targets);
        if (images.Count != targets.Count) throw new ArgumentException($"{images.Count} images but {targets.Count} targets");
        using var scope = NewDisposeScope();
        for (int i = 0; i < targets.Count; i++)
        {
            if (targets[i].Boxes.numel() == 0) continue;
            var b = targets[i].Boxes.to_type(ScalarType.Float32).cpu().data<float>().ToArray();
            for (int k = 0; k < b.Length / 4; k++)
                if (!(b[k * 4 + 2] > b[k * 4] && b[k * 4 + 3] > b[k * 4 + 1]))
                    throw new InputException($"image {i}, object {k}: box ({b[k * 4]}, {b[k * 4 + 1]}, {b[k * 4 + 2]}, {b[k * 4 + 3]}) has no width or height; drop degenerate boxes before training");
        }
        train();
        if (!updateNormStatistics) backbone.eval();
        var (batch, sizes) = (transform ?? Transform).Apply(images);
        var resized = DetectionTransform.ResizeTargets(targets, [.. images.Select(im => (im.shape[1], im.shape[2]))], sizes);
        var levels = backbone.call(batch);
        var (proposals, objectness, rpnBox) = rpn.Forward(levels, batch.shape[2], batch.shape[3], sizes, resized);
        var (classifier, boxRegression, mask) = roi_heads.Losses([.. levels.Take(4)], proposals, sizes, resized);
        foreach (var t in resized) t.Dispose();
        return new MaskRcnnLosses(objectness!.MoveToOuterDisposeScope(), rpnBox!.MoveToOuterDisposeScope(), classifier.MoveToOuterDisposeScope(),
            boxRegression.MoveToOuterDisposeScope(), mask.MoveToOuterDisposeScope());
    }

    /// <summary>Detects objects in <paramref name="images"/> (<c>[3, H, W]</c> RGB in [0, 1] each), resized by <paramref name="transform"/> (null: <see cref="Transform"/>).</summary>
    public IReadOnlyList<InstancePrediction> Predict(IReadOnlyList<Tensor> images, DetectionTransform? transform = null)
    {
        ArgumentNullException.ThrowIfNull(images);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        eval();
        var (batch, sizes) = (transform ?? Transform).Apply(images);
        var levels = backbone.call(batch);
        var proposals = rpn.Propose(levels, batch.shape[2], batch.shape[3], sizes);
        var detections = roi_heads.Detect([.. levels.Take(4)], proposals, sizes);
        var result = new List<InstancePrediction>();
        for (int i = 0; i < images.Count; i++)
        {
            var original = (images[i].shape[1], images[i].shape[2]);
            var boxes = DetectionTransform.ResizeBoxes(detections[i].Boxes, sizes[i], original);
            var masks = DetectionTransform.PasteMasks(detections[i].Masks!, boxes, original.Item1, original.Item2);
            result.Add(new InstancePrediction(boxes.MoveToOuterDisposeScope(), detections[i].Scores.MoveToOuterDisposeScope(),
                detections[i].Labels.MoveToOuterDisposeScope(), masks.MoveToOuterDisposeScope()));
        }
        return result;
    }
}
