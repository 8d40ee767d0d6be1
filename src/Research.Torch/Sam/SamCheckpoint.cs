using System.Globalization;
using Research.Torch.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Research.Torch.Sam;

/// <summary>
/// Loads Segment Anything weights from a PyTorch <c>.pth</c> file (the zip format of <c>torch.save</c>, read with
/// TorchSharp.PyBridge): the official checkpoints (a bare state dict), and training checkpoints that wrap it
/// (<c>{"model": ...}</c> or <c>{"state_dict": ...}</c>) or prefix its keys (<c>module.</c> from DataParallel, or any
/// prefix before <c>image_encoder.</c>, <c>prompt_encoder.</c>, <c>mask_decoder.</c>). Every tensor must match a
/// model key in name and shape; otherwise nothing is loaded and the message names the first mismatching keys with
/// both shapes, and the variant the file's image encoder looks like.
/// </summary>
public static class SamCheckpoint
{
    private static readonly string[] Parts = ["image_encoder.", "prompt_encoder.", "mask_decoder."];

    /// <summary>Reads the state dict of <paramref name="path"/>, unwrapped and with its prefix removed.</summary>
    /// <exception cref="InputException">The file is missing, not a zip-format PyTorch file, or holds no SAM state dict.</exception>
    public static IReadOnlyDictionary<string, Tensor> Read(string path)
    {
        var tensors = TorchStateDict.Read(path, "a Segment Anything state dict");
        string prefix = Prefix(tensors.Keys) ?? throw new InputException(
            $"{path}: no key contains image_encoder., prompt_encoder. or mask_decoder. (first keys: {string.Join(", ", tensors.Keys.Order(StringComparer.Ordinal).Take(3))}): not a Segment Anything state dict");
        return tensors.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key[prefix.Length..], kv => kv.Value, StringComparer.Ordinal);
    }

    /// <summary>A model of <paramref name="config"/> with the weights of <paramref name="path"/> (disposed again when they do not fit).</summary>
    /// <exception cref="InputException">As <see cref="Load"/>.</exception>
    public static SamModel Create(SamConfig config, string path)
    {
        ArgumentNullException.ThrowIfNull(config);
        TorchRuntime.EnsureLoaded();
        var model = new SamModel(config);
        try
        {
            Load(model, path);
            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>Loads <paramref name="path"/> into <paramref name="model"/> (all or nothing).</summary>
    /// <exception cref="InputException">The file cannot be read or does not match the model (see <see cref="Check"/>).</exception>
    public static void Load(SamModel model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        var tensors = Read(path);
        try
        {
            Check(model, tensors, path);
            var target = model.state_dict();
            using var noGrad = no_grad();
            foreach (var (name, value) in tensors) target[name].copy_(value);
        }
        finally
        {
            foreach (var t in tensors.Values) t.Dispose();
        }
    }

    /// <summary>
    /// Throws unless <paramref name="tensors"/> has exactly the model's keys with the model's shapes; the message names
    /// up to five problems (missing, unexpected, shape) and the variant the file's encoder width and depth suggest.
    /// </summary>
    public static void Check(SamModel model, IReadOnlyDictionary<string, Tensor> tensors, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(tensors);
        var expected = model.state_dict();
        var problems = new List<string>();
        foreach (var (name, value) in expected.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (!tensors.TryGetValue(name, out var found)) problems.Add($"{name} ({Shape(value)}) is missing");
            else if (!found.shape.SequenceEqual(value.shape)) problems.Add($"{name} is {Shape(found)} in the file, {Shape(value)} in the model");
        }
        foreach (var name in tensors.Keys.Where(k => !expected.ContainsKey(k)).Order(StringComparer.Ordinal))
            problems.Add($"{name} ({Shape(tensors[name])}) is not a key of the model");
        if (problems.Count == 0) return;
        string guess = Guess(tensors) is { } variant ? $"; the file's image encoder looks like {variant}" : "";
        throw new InputException($"{path}: does not fit this Segment Anything model ({problems.Count} problem(s){guess}): "
            + string.Join("; ", problems.Take(5)) + (problems.Count > 5 ? "; ..." : ""));
    }

    // The text before the first model part in the keys that contain one ("" for official files); null if none does.
    private static string? Prefix(IEnumerable<string> keys)
    {
        foreach (var key in keys.Order(StringComparer.Ordinal))
            foreach (var part in Parts)
            {
                int at = key.IndexOf(part, StringComparison.Ordinal);
                if (at >= 0) return key[..at];
            }
        return null;
    }

    private static string? Guess(IReadOnlyDictionary<string, Tensor> tensors)
    {
        if (tensors.ContainsKey("image_encoder.layers.0.blocks.0.conv1.c.weight")) return "vit-t (MobileSAM's TinyViT)";
        if (!tensors.TryGetValue("image_encoder.pos_embed", out var pos) || pos.shape.Length != 4) return null;
        long width = pos.shape[3];
        int depth = tensors.Keys.Where(k => k.StartsWith("image_encoder.blocks.", StringComparison.Ordinal))
            .Select(k => int.Parse(k.Split('.')[2], CultureInfo.InvariantCulture)).DefaultIfEmpty(-1).Max() + 1;
        var vits = SamConfig.Variants.Where(v => SamConfig.ForVariant(v).TinyVit is null).ToList();
        foreach (var variant in vits)
        {
            var config = SamConfig.ForVariant(variant);
            if (config.EncoderDim == width && config.EncoderDepth == depth) return variant;
        }
        return $"none of {string.Join(", ", vits)} (width {width}, {depth} blocks)";
    }

    private static string Shape(Tensor t) => TorchStateDict.Shape(t);
}
