using System.Globalization;
using Research.Torch.Runtime;
using static TorchSharp.torch;

namespace Research.Torch.Detection.MaskRcnn;

/// <summary>
/// Loads a torchvision Mask R-CNN state dict (<c>torch.save(model.state_dict(), f)</c>, e.g. the COCO weights of
/// <c>maskrcnn_resnet50_fpn</c>) into a <see cref="MaskRcnnModel"/>: batch-norm <c>num_batches_tracked</c> entries are
/// ignored (frozen here), a <c>module.</c> prefix (DataParallel) is removed. Every other tensor must match a model key
/// in name and shape, except, when <c>resizeClassHeads</c> is set, the three class-sized heads (<c>cls_score</c>,
/// <c>bbox_pred</c>, <c>mask_fcn_logits</c>) of a file with another number of classes, which keep their initial
/// values (the note says so). Otherwise nothing is loaded and the message names the first mismatching keys with both
/// shapes and the backbone the file looks like.
/// </summary>
public static class MaskRcnnCheckpoint
{
    private static readonly string[] ClassHeads =
    [
        "roi_heads.box_predictor.cls_score.weight", "roi_heads.box_predictor.cls_score.bias",
        "roi_heads.box_predictor.bbox_pred.weight", "roi_heads.box_predictor.bbox_pred.bias",
        "roi_heads.mask_predictor.mask_fcn_logits.weight", "roi_heads.mask_predictor.mask_fcn_logits.bias",
    ];

    /// <summary>Loads <paramref name="path"/>; returns a note when class heads were left out, else null.</summary>
    /// <exception cref="InputException">Unreadable, or of another architecture (see the class summary).</exception>
    public static string? Load(MaskRcnnModel model, string path, bool resizeClassHeads = false)
    {
        ArgumentNullException.ThrowIfNull(model);
        var read = TorchStateDict.Read(path, "a torchvision Mask R-CNN state dict");
        try
        {
            return Assign(model, read, path, resizeClassHeads);
        }
        finally
        {
            foreach (var t in read.Values) t.Dispose();
        }
    }

    /// <summary>
    /// Copies the tensors of a state dict (<paramref name="source"/> names it in messages) into <paramref name="model"/>
    /// by the rules of <see cref="Load"/>; returns a note when class heads were left out, else null.
    /// </summary>
    public static string? Assign(MaskRcnnModel model, IReadOnlyDictionary<string, Tensor> read, string source, bool resizeClassHeads)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(read);
        bool prefixed = read.Keys.All(k => k.StartsWith("module.", StringComparison.Ordinal));
        var tensors = read.Where(kv => !kv.Key.EndsWith("num_batches_tracked", StringComparison.Ordinal))
            .ToDictionary(kv => prefixed ? kv.Key["module.".Length..] : kv.Key, kv => kv.Value, StringComparer.Ordinal);
        var expected = model.state_dict().Where(kv => !kv.Key.EndsWith("num_batches_tracked", StringComparison.Ordinal)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        var problems = new List<string>();
        var skipped = new List<string>();
        foreach (var (name, value) in expected.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (!tensors.TryGetValue(name, out var found)) problems.Add($"{name} ({TorchStateDict.Shape(value)}) is missing");
            else if (!found.shape.SequenceEqual(value.shape))
            {
                if (resizeClassHeads && ClassHeads.Contains(name)) skipped.Add(name);
                else problems.Add($"{name} is {TorchStateDict.Shape(found)} in the file, {TorchStateDict.Shape(value)} in the model");
            }
        }
        foreach (var name in tensors.Keys.Where(k => !expected.ContainsKey(k)).Order(StringComparer.Ordinal))
            problems.Add($"{name} ({TorchStateDict.Shape(tensors[name])}) is not a key of the model");
        if (problems.Count > 0)
        {
            throw new InputException($"{source}: does not fit this Mask R-CNN ({model.BackboneName}, {model.Heads.Classes} classes; {problems.Count} problem(s); "
                + $"the file looks like {Guess(tensors)}): " + string.Join("; ", problems.Take(5)) + (problems.Count > 5 ? "; ..." : ""));
        }
        using (var noGrad = no_grad())
            foreach (var (name, value) in tensors)
                if (!skipped.Contains(name)) expected[name].copy_(value);
        if (skipped.Count == 0) return null;
        long fileClasses = tensors["roi_heads.box_predictor.cls_score.weight"].shape[0];
        return string.Create(CultureInfo.InvariantCulture,
            $"{source}: the class heads have {fileClasses} classes in the file and {model.Heads.Classes} here: cls_score, bbox_pred and mask_fcn_logits keep their initial weights, everything else was loaded");
    }

    /// <summary>The backbone and class count a state dict looks like.</summary>
    private static string Guess(IReadOnlyDictionary<string, Tensor> tensors)
    {
        bool bottleneck = tensors.ContainsKey("backbone.body.layer1.0.conv3.weight");
        int blocks = tensors.Keys.Where(k => k.StartsWith("backbone.body.layer3.", StringComparison.Ordinal))
            .Select(k => int.Parse(k.Split('.')[3], CultureInfo.InvariantCulture)).DefaultIfEmpty(-1).Max() + 1;
        string backbone = (bottleneck, blocks) switch
        {
            (true, 6) => "resnet50",
            (true, 23) => "resnet101 (not built here)",
            (false, 2) => "resnet18",
            (false, 6) => "resnet34",
            _ => $"no ResNet built here ({(bottleneck ? "bottleneck" : "basic")} blocks, {blocks} in layer3)",
        };
        string classes = tensors.TryGetValue("roi_heads.box_predictor.cls_score.weight", out var score) ? $", {score.shape[0]} classes" : "";
        return backbone + classes;
    }
}
